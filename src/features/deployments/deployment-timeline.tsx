import type { Deployment } from '@/contract/deployments';
import { Badge } from '@/ui/badge';
import { DateTime } from '@/ui/date-time';
import { stateTone } from './deployment-rules';

const KIND: Record<Deployment['kind'], (d: Deployment) => string> = {
  deploy: (d) => (d.build ? 'Build and deploy' : 'Deploy (prebuilt image)'),
  build: () => 'Build',
  teardown: () => 'Tear down',
};

const STATE_WORDS: Record<string, string> = { torn_down: 'torn down' };

/** Past builds, deploys and teardowns, newest first, each with the states it went through. */
export function DeploymentTimeline({ deployments }: { deployments: Deployment[] }) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {deployments.length === 0 ? (
        <p className="muted">No builds or deploys yet.</p>
      ) : (
        <ol className="deploy-timeline">
          {deployments.map((d) => (
            <li key={d.id} className="deploy-entry">
              <div className="deploy-entry-head">
                <strong>{KIND[d.kind](d)}</strong>
                {d.version !== null && <span className="mono">v{d.version}</span>}
                <Badge tone={stateTone(d.state)}>{STATE_WORDS[d.state] ?? d.state}</Badge>
                <span className="muted deploy-entry-who">
                  by {d.started_by.email} · <DateTime iso={d.started_at} />
                </span>
              </div>
              {d.message && <p className={d.state === 'failed' ? 'deploy-entry-message deploy-entry-error' : 'deploy-entry-message'}>{d.message}</p>}
              <ol className="deploy-events" aria-label={`States of the ${KIND[d.kind](d).toLowerCase()}`}>
                {d.events.map((e, i) => (
                  <li key={`${e.state}-${i}`}>
                    <time dateTime={e.at}>{formatTime(e.at)}</time> <span className={`deploy-event deploy-event-${e.state}`}>{STATE_WORDS[e.state] ?? e.state}</span>
                    {e.message && <span className="muted"> — {e.message}</span>}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const formatTime = (iso: string) => time.format(new Date(iso));
