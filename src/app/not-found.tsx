import { Link } from '@tanstack/react-router';
import { EmptyState } from '@/ui/states';

export function NotFound() {
  return (
    <EmptyState title="Not found" action={<Link to="/" className="btn btn-primary">Go to Hosted Services</Link>}>
      <p>This page does not exist, or it was deleted.</p>
    </EmptyState>
  );
}
