import type { VersionStatus } from '@/contract/versions';
import { Badge, type Tone } from '@/ui/badge';

const tone: Record<VersionStatus, Tone> = { draft: 'neutral', active: 'success', draining: 'warning', archived: 'neutral' };

export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  return <Badge tone={tone[status]}>{status}</Badge>;
}
