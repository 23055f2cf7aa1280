import type { ServiceVersionRead } from '@/contract/versions';
import { Card } from '@/ui/card';
import { ServingTable } from './serving-table';

/**
 * The Traffic tab on a platform that does not say how traffic is split
 * (`traffic_percent` is our decision): which versions serve, and that their
 * shares are not known here, so nothing is offered that would compute on them.
 */
export function UnknownSplit({ serving }: { serving: ServiceVersionRead[] }) {
  return (
    <Card
      id="split-title"
      className="traffic-card"
      heading="Traffic split"
      subtitle={serving.length === 1 ? `v${serving[0]!.version} serves traffic.` : `${serving.length} versions serve traffic.`}
    >
      <p role="note" className="notice">
        This platform does not say how traffic is split between its versions (no <span className="mono">traffic_percent</span>), so the
        split is not shown and cannot be changed here. Publishing a version still sets its share.
      </p>
      <ServingTable serving={serving} />
    </Card>
  );
}
