import type { DeploymentRead } from '@/contract/deployments';
import type { InvalidRow } from '@/contract/reading';
import { DateTime } from '@/ui/date-time';
import { InvalidListItems } from '@/ui/invalid-rows';
import { StateBadge } from './state-badge';

const KIND: Record<string, (d: DeploymentRead) => string> = {
  deploy: (d) => (d.build ? 'Build and deploy' : 'Deploy (prebuilt image)'),
  build: () => 'Build',
  teardown: () => 'Tear down',
};
/** A kind this console does not know reads as the platform named it. */
const kindOf = (d: DeploymentRead) => KIND[d.kind]?.(d) ?? d.kind;

const STATE_WORDS: Record<string, string> = { torn_down: 'torn down' };

/** Past builds, deploys and teardowns, newest first, each with the states it went through; entries that could not be read say so. */
export function DeploymentTimeline({ deployments, invalid = [] }: { deployments: DeploymentRead[]; invalid?: InvalidRow[] }) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {deployments.length === 0 && invalid.length === 0 ? (
        <p className="muted">No builds or deploys yet.</p>
      ) : (
        <ol className="deploy-timeline">
          {deployments.map((d) => (
            <li key={d.id} className="deploy-entry">
              <div className="deploy-entry-head">
                <strong>{kindOf(d)}</strong>
                {d.version !== null && <span className="mono">v{d.version}</span>}
                <StateBadge state={d.state} />
                <span className="muted deploy-entry-who">
                  {d.started_by && <>by {d.started_by.email} · </>}
                  <DateTime iso={d.started_at} />
                </span>
              </div>
              {d.message && (
                <p className={d.state === 'failed' ? 'deploy-entry-message deploy-entry-error' : 'deploy-entry-message'}>{d.message}</p>
              )}
              <ol className="deploy-events" aria-label={`States of the ${kindOf(d).toLowerCase()}`}>
                {(d.events ?? []).map((e, i) => (
                  <li key={`${e.state}-${i}`}>
                    <time dateTime={e.at}>{formatTime(e.at)}</time>{' '}
                    <span className={`deploy-event deploy-event-${e.state}`}>{STATE_WORDS[e.state] ?? e.state}</span>
                    {e.message && <span className="muted"> — {e.message}</span>}
                  </li>
                ))}
              </ol>
            </li>
          ))}
          <InvalidListItems rows={invalid} noun="Deployment" />
        </ol>
      )}
    </section>
  );
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const formatTime = (iso: string) => time.format(new Date(iso));
