import type { Tone } from '@/ui/badge';
import { Badge } from '@/ui/badge';

const TONES: Record<string, Tone> = { queued: 'neutral', running: 'info', succeeded: 'success', failed: 'danger', cancelled: 'warning' };

/** A job's state in words, coloured by what it means; a running one also spins. */
export function JobStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? 'neutral'}>
      {(status === 'queued' || status === 'running') && <span className="spinner job-spinner" aria-hidden="true" />}
      {status}
    </Badge>
  );
}
