import type { Scope } from '@/contract/paths';
import { useDdlHistory } from '@/data/connector-operations/ddl';
import { RelativeTime } from '@/ui/date-time';
import { Badge } from '@/ui/badge';
import { Card } from '@/ui/card';
import { InvalidListItems } from '@/ui/invalid-rows';
import { ShowOlder, useOlder } from '@/ui/show-older';
import { Skeleton } from '@/ui/skeleton';
import { ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';

const PAGE = 10;

export const HISTORY_HEADING_ID = 'ddl-history-title';

/**
 * [extension] What DDL ran on the instance — who, when, the SQL, why and what
 * it did — newest first (`GET …/ddl`). This is where an instance's activity
 * is recorded; each service bound to it also has the change in its own timeline.
 */
export function DdlHistory({ scope, connectorId, instanceId }: { scope: Scope; connectorId: string; instanceId: string }) {
  const older = useOlder(PAGE);
  const history = useDdlHistory(scope, connectorId, instanceId, older.limit);

  let body: React.ReactNode;
  if (history.isPending) body = <Skeleton height="4rem" />;
  else if (history.isError)
    body = <ErrorState title="The history could not be loaded" error={history.error} onRetry={() => void history.refetch()} />;
  else if (!history.data.available)
    body = (
      <Unavailable capability="connectorDdl" title="The schema history is not available on this platform">
        <p>This platform keeps no history of schema changes that the console can read.</p>
      </Unavailable>
    );
  else if (history.data.data.items.length === 0 && history.data.data.invalid.length === 0)
    body = <p className="muted">No DDL has run on this instance yet.</p>;
  else {
    const page = history.data.data;
    body = (
      <>
        <ol className="ddl-history" aria-label="DDL that ran, newest first">
          {page.items.map((entry) => (
            <li key={entry.id} className="ddl-entry">
              <p className="ddl-entry-head">
                <strong>{entry.executed_by?.email ?? 'Someone'}</strong> ran it <RelativeTime iso={entry.executed_at} />
                {entry.destructive && (
                  <>
                    {' '}
                    <Badge tone="danger">destroyed data</Badge>
                  </>
                )}
              </p>
              <p className="ddl-reason">
                <span className="muted">Why: </span>
                {entry.reason ?? <span className="muted">not said</span>}
              </p>
              <pre className="ddl-sql">
                <code>{entry.sql}</code>
              </pre>
              {(entry.effects ?? []).length > 0 && (
                <ul className="ddl-effects" aria-label="What it did">
                  {(entry.effects ?? []).map((e, i) => (
                    <li key={i}>{e.description}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
          <InvalidListItems rows={page.invalid} noun="Entry" />
        </ol>
        <ShowOlder older={older} page={page} pending={history.isFetching}>
          Show older
        </ShowOlder>
      </>
    );
  }

  return (
    <Card id={HISTORY_HEADING_ID} heading="Schema history" subtitle="Who ran which DDL on this instance, and why; newest first.">
      {body}
    </Card>
  );
}
