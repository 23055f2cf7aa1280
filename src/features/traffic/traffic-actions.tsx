import { useId, useState } from 'react';
import { toast } from 'sonner';
import type { ServiceVersionRead } from '@/contract/versions';
import type { KnownTraffic } from '@/contract/versions-rules';
import { useUpdateTraffic } from '@/data/traffic/update-traffic';
import { useCapability } from '@/lib/capabilities';
import type { ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { promotePlan, rollbackPlan, versionList, type TrafficPlan } from '@/contract/traffic-rules';

type Action = 'promote' | 'rollback';

/**
 * Promote, Roll back and Edit split; each says why when it does not apply. They
 * need `PUT …/traffic` (our extension): once the platform has said it does not
 * have it, the buttons go (the page explains), while an open confirmation stays
 * to show the refusal.
 */
export function TrafficActions({
  scope,
  serviceId,
  serving,
  editing,
  editButtonId,
  onEdit,
  lockedReason = null,
}: ServiceProps & {
  serving: KnownTraffic<ServiceVersionRead>[];
  editing: boolean;
  /** Edit split's id, for focus to come back to when the editor closes. */
  editButtonId?: string;
  onEdit: () => void;
  /** Why the split cannot be changed by hand now (a rollout in progress); null: it can. */
  lockedReason?: string | null;
}) {
  const update = useUpdateTraffic(scope, serviceId);
  const unavailable = useCapability('trafficSplit') === 'unavailable';
  const [open, setOpen] = useState<Action | null>(null);
  const reasonId = useId();

  const promote = promotePlan(serving);
  const rollback = rollbackPlan(serving);
  const alone =
    serving.length < 2 ? `Only v${serving[0]?.version} serves traffic: publish a new version to split, promote or roll back.` : null;
  // One reason when one explains every disabled button: a rollout in progress, or a version serving alone (where three
  // sentences said the same thing three ways).
  const reasons = lockedReason ? [lockedReason] : alone ? [alone] : [...new Set([promote.reason, rollback.reason].filter(Boolean))];
  const editReason = alone;
  const locked = lockedReason !== null;

  const confirm = (plan: TrafficPlan, done: string) => ({
    state: update,
    run: () => update.mutateAsync({ allocations: plan.allocations }),
    onDone: () => toast.success(`${done} Archived ${versionList(plan.archived)}.`),
    onClose: () => setOpen(null),
  });

  return (
    <div className="traffic-actions">
      {!unavailable && (
        <div className="traffic-buttons">
          <Button
            id={editButtonId}
            onClick={onEdit}
            disabled={locked || !!editReason || editing}
            aria-describedby={locked || editReason ? reasonId : undefined}
          >
            Edit split
          </Button>
          <Button
            onClick={() => setOpen('rollback')}
            disabled={locked || !rollback.plan}
            aria-describedby={locked || rollback.reason ? reasonId : undefined}
          >
            {rollback.plan ? `Roll back to v${rollback.plan.winner.version}` : 'Roll back'}
          </Button>
          <Button
            variant="primary"
            onClick={() => setOpen('promote')}
            disabled={locked || !promote.plan}
            aria-describedby={locked || promote.reason ? reasonId : undefined}
          >
            {promote.plan ? `Promote v${promote.plan.winner.version}` : 'Promote'}
          </Button>
        </div>
      )}
      {!unavailable && reasons.length > 0 && (
        <p id={reasonId} className="field-hint traffic-reason">
          {reasons.join(' ')}
        </p>
      )}

      {promote.plan && (
        <ConfirmAction
          {...confirm(promote.plan, `v${promote.plan.winner.version} promoted: it receives all traffic.`)}
          open={open === 'promote'}
          title={`Promote v${promote.plan.winner.version} to 100%?`}
          actionLabel={`Promote v${promote.plan.winner.version}`}
          tone="primary"
        >
          <p>
            <strong>v{promote.plan.winner.version}</strong> (active, now {promote.plan.winner.traffic_percent}%) will receive{' '}
            <strong>100%</strong> of the traffic.
          </p>
          <ArchiveNote archived={promote.plan.archived} />
        </ConfirmAction>
      )}
      {rollback.plan && (
        <ConfirmAction
          {...confirm(rollback.plan, `Rolled back: v${rollback.plan.winner.version} receives all traffic.`)}
          open={open === 'rollback'}
          title={`Roll back to v${rollback.plan.winner.version}?`}
          actionLabel={`Roll back to v${rollback.plan.winner.version}`}
        >
          <p>
            <strong>v{rollback.plan.winner.version}</strong> (draining, now {rollback.plan.winner.traffic_percent}%) will receive{' '}
            <strong>100%</strong> of the traffic and become the active version again.
          </p>
          <ArchiveNote archived={rollback.plan.archived} />
        </ConfirmAction>
      )}
    </div>
  );
}

function ArchiveNote({ archived }: { archived: TrafficPlan['archived'] }) {
  return (
    <div className="archive-note">
      <p>
        <strong>Will be archived:</strong>
      </p>
      <ul>
        {archived.map((v) => (
          <li key={v.id}>
            v{v.version} ({v.status === 'active' ? 'the active canary' : 'draining'}, now {v.traffic_percent}%) goes to 0%
          </li>
        ))}
      </ul>
      <p>An archived version never serves traffic again. To ship it again, publish a new version.</p>
    </div>
  );
}
