import { useState } from 'react';
import { toast } from 'sonner';
import { SPLIT_KINDS, type ActivityEntryRead } from '@/contract/activity';
import type { ServiceVersionRead } from '@/contract/versions';
import type { KnownTraffic } from '@/contract/versions-rules';
import { useActivity } from '@/data/activity/get-activity';
import { useUpdateTraffic } from '@/data/traffic/update-traffic';
import { formatDateTime } from '@/lib/format';
import { notAvailable } from '@/lib/not-available';
import type { ServiceProps } from '@/lib/route-props';
import { RelativeTime } from '@/ui/date-time';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { Skeleton } from '@/ui/skeleton';
import { ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { restorePlan, splitWords, versionList } from '@/contract/traffic-rules';

/**
 * [extension] How the traffic was split over time, from the service's activity
 * (publishes and traffic changes), newest first; a split whose versions all
 * still serve can be restored with the traffic PUT, after a confirmation.
 */
export function SplitHistory({
  scope,
  serviceId,
  serving,
  canChange,
}: ServiceProps & { serving: KnownTraffic<ServiceVersionRead>[]; canChange: boolean }) {
  const [limit, setLimit] = useState(10);
  const history = useActivity(scope, serviceId, { limit, kinds: SPLIT_KINDS });
  const update = useUpdateTraffic(scope, serviceId);
  const [restoring, setRestoring] = useState<ActivityEntryRead | null>(null);

  let body: React.ReactNode;
  if (history.isPending) body = <Skeleton height="4rem" />;
  else if (history.isError && notAvailable(history.error))
    body = (
      <Unavailable capability="activity" title="The history of traffic splits is not available on this platform">
        <p>This platform keeps no history of traffic splits.</p>
      </Unavailable>
    );
  else if (history.isError)
    body = <ErrorState title="The history could not be loaded" error={history.error} onRetry={() => void history.refetch()} />;
  else if (history.data.items.length === 0) body = <p className="muted">No split recorded yet.</p>;
  else
    body = (
      <>
        <ol className="split-history" aria-label="Traffic splits, newest first">
          {history.data.items.map((entry, index, entries) => {
            const split = entry.split ?? [];
            const restore = restorePlan(serving, split);
            // The newest entry that left today's split is the current one; an older one that left the same split is not.
            const current =
              restore.kind === 'current' && !entries.slice(0, index).some((e) => restorePlan(serving, e.split ?? []).kind === 'current');
            return (
              <li key={entry.id} className="split-history-entry">
                <div className="split-history-what">
                  <strong className="split-history-split">{split.length ? splitWords(split) : '—'}</strong>
                  <span className="muted">
                    {entry.summary ?? entry.kind} · {entry.actor?.email ?? 'the platform'} · <RelativeTime iso={entry.at} />
                  </span>
                </div>
                <div className="split-history-action">
                  {current ? (
                    <Badge tone="success">current split</Badge>
                  ) : restore.kind === 'current' ? (
                    <span className="field-hint">The same split as now.</span>
                  ) : restore.kind === 'unavailable' ? (
                    <span className="field-hint">{restore.reason}</span>
                  ) : (
                    canChange && (
                      <Button size="sm" onClick={() => setRestoring(entry)} aria-label={`Restore the split ${splitWords(split)}`}>
                        Restore this split
                      </Button>
                    )
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {history.data.total > history.data.items.length && (
          <Button size="sm" pending={history.isFetching} onClick={() => setLimit((n) => Math.min(100, n + 10))} disabled={limit >= 100}>
            Show older splits
          </Button>
        )}
      </>
    );

  const plan = restoring ? restorePlan(serving, restoring.split ?? []) : null;
  return (
    <Card id="split-history-title" heading="History" subtitle="Each publish and traffic change, with the split it left.">
      {body}
      {restoring && plan?.kind === 'restorable' && (
        <ConfirmAction
          state={update}
          run={() => update.mutateAsync({ allocations: plan.allocations })}
          onDone={() => toast.success(`Split restored: ${splitWords(restoring.split ?? [])}`)}
          onClose={() => setRestoring(null)}
          title="Restore this split?"
          actionLabel="Restore split"
          tone="primary"
        >
          <p>
            Traffic goes back to <strong>{splitWords(restoring.split ?? [])}</strong>, as it was {formatDateTime(restoring.at)}.
          </p>
          {plan.newActive && <p>v{plan.newActive.version} becomes the active version again.</p>}
          {plan.archived.length > 0 && (
            <div className="archive-note">
              <p>
                <strong>Will be archived:</strong> {versionList(plan.archived)} (not in that split). An archived version never serves
                traffic again.
              </p>
            </div>
          )}
        </ConfirmAction>
      )}
    </Card>
  );
}
