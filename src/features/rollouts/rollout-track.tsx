import type { RolloutRead } from '@/contract/rollouts';
import { pauseWords } from '@/data/rollouts/rollout-plan';
import { serverNow } from '@/lib/server-clock';
import { formatWait, useSecondsLeft } from '@/ui/countdown';

type StepState = 'done' | 'current' | 'next' | 'skipped';

/**
 * The steps as a track: those taken, the current one (marked, with the
 * countdown to the next while it runs), those ahead. An aborted rollout's
 * current step is where it stopped; a promoted one skipped what was ahead.
 */
export function RolloutTrack({ rollout }: { rollout: RolloutRead }) {
  const { step_index: current, status } = rollout;
  const steps = rollout.steps ?? [];
  if (steps.length === 0) return <p className="muted">This platform did not send the rollout’s steps.</p>;
  const promotedAt = rollout.events.find((e) => e.kind === 'promoted')?.step_index ?? null;
  const stateOf = (i: number): StepState => {
    if (status === 'succeeded') return promotedAt !== null && i > promotedAt && i < steps.length - 1 ? 'skipped' : 'done';
    if (i < current) return 'done';
    if (i === current) return 'current';
    return 'next';
  };
  return (
    <ol className={`rollout-track rollout-track-${status}`} aria-label="Steps">
      {steps.map((step, i) => {
        const state = stateOf(i);
        const last = i === steps.length - 1;
        return (
          <li key={i} className={`rollout-step rollout-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="rollout-step-dot" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="rollout-step-text">
              <strong>{step.percent}%</strong>
              <span className="muted">{last ? 'done' : pauseWords(step.pause_seconds)}</span>
              <span className="visually-hidden">
                {' '}
                (step {i + 1}
                {state === 'current' ? ', current' : state === 'done' ? ', taken' : state === 'skipped' ? ', skipped' : ''})
              </span>
              {state === 'current' && status === 'running' && rollout.next_step_at && <NextStep at={rollout.next_step_at} />}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The countdown to the step's end: ticking for the eye, not read out each second. */
function NextStep({ at }: { at: string }) {
  const seconds = useSecondsLeft(Date.parse(at), serverNow);
  return (
    <span className="rollout-countdown" aria-hidden="true">
      {seconds > 0 ? `next in ${formatWait(seconds)}` : 'deciding…'}
    </span>
  );
}
