import type { RolloutRead } from '@/contract/rollouts';
import { ANALYSIS_ACTOR } from '@/contract/rollouts';
import { DateTime } from '@/ui/date-time';
import { eventWords, measuredWords, type VersionName } from './rollout-words';

const KIND_TONES: Record<string, string> = {
  aborted: 'danger',
  inconclusive: 'warning',
  paused: 'warning',
  succeeded: 'success',
  promoted: 'success',
};

/** Every decision, in the order made: what happened, by whom, and what was measured over the step. */
export function RolloutEvents({ rollout, name }: { rollout: RolloutRead; name: VersionName }) {
  return (
    <section className="stack" aria-labelledby={`events-${rollout.id}`}>
      <h3 id={`events-${rollout.id}`} className="card-heading">
        Decisions
      </h3>
      <ol className="rollout-events">
        {rollout.events.map((e, i) => (
          <li key={i} className={`rollout-event rollout-event-${KIND_TONES[e.kind] ?? 'neutral'}`}>
            <span className="rollout-event-what">{eventWords(e, rollout, name)}</span>
            <span className="rollout-event-meta muted">
              <DateTime iso={e.at} />
              {e.by === ANALYSIS_ACTOR && ' · the analysis'}
              {e.measured && <> · measured {measuredWords(e.measured)}</>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
