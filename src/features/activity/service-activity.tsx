import './activity.css';
import { useEffect, useRef } from 'react';
import type { ActivityEntryRead } from '@/contract/activity';
import { useActivity } from '@/data/activity/get-activity';
import { notAvailable } from '@/lib/not-available';
import type { ServiceProps } from '@/lib/route-props';
import { RelativeTime } from '@/ui/date-time';
import { Card } from '@/ui/card';
import { ShowOlder, useOlder } from '@/ui/show-older';
import { Skeleton } from '@/ui/skeleton';
import { ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';

const PAGE = 10;

/** A word for each kind the console knows, and its mark's colour; an unknown kind shows as it came. */
const KINDS: Record<string, { label: string; tone: string }> = {
  'service.created': { label: 'created', tone: 'accent' },
  'service.updated': { label: 'settings', tone: 'neutral' },
  'version.created': { label: 'new version', tone: 'neutral' },
  'version.published': { label: 'published', tone: 'accent' },
  'traffic.changed': { label: 'traffic', tone: 'info' },
  'deployment.started': { label: 'deploy started', tone: 'info' },
  'deployment.finished': { label: 'deploy finished', tone: 'success' },
  'deployment.failed': { label: 'deploy failed', tone: 'danger' },
  'deployment.torn_down': { label: 'torn down', tone: 'warning' },
  'credentials.set': { label: 'credentials', tone: 'neutral' },
  'credentials.cleared': { label: 'credentials', tone: 'warning' },
  'token.minted': { label: 'token minted', tone: 'neutral' },
  'token.revoked': { label: 'token revoked', tone: 'warning' },
  'tokens.revoked_all': { label: 'tokens revoked', tone: 'danger' },
  'connector.ddl_executed': { label: 'schema changed', tone: 'warning' },
};

const kindOf = (entry: ActivityEntryRead) => KINDS[entry.kind] ?? { label: entry.kind, tone: 'neutral' };

/**
 * [extension] The service's timeline: who did what and when, newest first
 * (`GET …/activity`). On a platform without it, one sentence says so and the
 * rest of the Overview stands.
 */
export function ServiceActivity({ scope, serviceId }: ServiceProps) {
  const older = useOlder(PAGE, 100);
  const activity = useActivity(scope, serviceId, { limit: older.limit });
  // "Show older" is disabled while it reads, and gone once all is read: focus goes to the first entry it brought, so
  // a keyboard reader goes on from there rather than from the top of the page.
  const firstNew = useRef<number | null>(null);
  const entries = useRef<HTMLOListElement>(null);
  const count = activity.data?.items.length ?? 0;
  useEffect(() => {
    if (firstNew.current === null || count <= firstNew.current) return;
    entries.current?.querySelectorAll<HTMLElement>(':scope > li')[firstNew.current]?.focus();
    firstNew.current = null;
  }, [count]);
  const showOlder = {
    ...older,
    more: () => {
      firstNew.current = count;
      older.more();
    },
  };

  let body: React.ReactNode;
  if (activity.isPending) body = <Skeleton height="6rem" />;
  else if (activity.isError && notAvailable(activity.error))
    body = (
      <Unavailable capability="activity">
        <p>This platform keeps no activity for services.</p>
      </Unavailable>
    );
  else if (activity.isError)
    body = <ErrorState title="Activity could not be loaded" error={activity.error} onRetry={() => void activity.refetch()} />;
  else if (activity.data.items.length === 0) body = <p className="muted">Nothing has happened to this service yet.</p>;
  else
    body = (
      <>
        <ol className="activity-timeline" aria-label="Activity, newest first" ref={entries}>
          {activity.data.items.map((entry) => {
            const kind = kindOf(entry);
            return (
              <li key={entry.id} className="activity-entry" tabIndex={-1}>
                <span className={`activity-mark activity-mark-${kind.tone}`} aria-hidden="true" />
                <div className="activity-text">
                  <p className="activity-summary">{entry.summary ?? kind.label}</p>
                  <p className="activity-meta">
                    <span className="activity-kind">{kind.label}</span> · {entry.actor?.email ?? 'the platform'} ·{' '}
                    <RelativeTime iso={entry.at} />
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
        {activity.data.invalid.length > 0 && (
          <p className="muted">{activity.data.invalid.length} entries could not be read and are not shown.</p>
        )}
        <ShowOlder older={showOlder} page={activity.data} pending={activity.isFetching}>
          Show older activity
        </ShowOlder>
      </>
    );

  return (
    <Card id="activity-title" heading="Activity" subtitle="Who did what to this service, and when. Newest first.">
      {body}
    </Card>
  );
}
