export function RingsPage() {
  return <p className="muted">Rings — being built.</p>;
}
