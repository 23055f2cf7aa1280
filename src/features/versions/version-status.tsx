import type { VersionStatus } from '@/contract/versions';
import { ValueBadge, type Tone } from '@/ui/badge';

const tone: Record<VersionStatus, Tone> = { draft: 'neutral', active: 'success', draining: 'warning', archived: 'neutral' };

/** A version's status; one the console does not know shows as it came, in the neutral style. */
export function VersionStatusBadge({ status }: { status: string }) {
  return <ValueBadge value={status} tones={tone} />;
}
