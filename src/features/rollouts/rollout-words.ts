/**
 * A rollout's decisions in words (STYLE: "decisions are explained where they
 * show"): what happened, at which step, by whom, and — for the analysis's own
 * decisions — what was measured against which limit, as the platform said it.
 */
import { ANALYSIS_ACTOR, type RolloutEventRead, type RolloutMeasure, type RolloutRead } from '@/contract/rollouts';
import { finishedBy, pausedBy } from '@/data/rollouts/rollout-state';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';

/** "v3"; a version the page does not know (archived off the list, another platform's id) is "the new version". */
export type VersionName = (versionId: string) => string;

/** A rollout's status as a badge's tone. */
export const STATUS_TONES = { running: 'info', paused: 'warning', succeeded: 'success', aborted: 'danger' } as const;

/** Steps in words count from 1. */
export const stepName = (index: number) => `step ${index + 1}`;

/** "412 requests · 7.9% errors · p95 120 ms". */
export function measuredWords(m: RolloutMeasure): string {
  return [
    `${formatCount(m.requests)} request${m.requests === 1 ? '' : 's'}`,
    `${formatRate(m.error_rate)} errors`,
    m.p95_ms === null ? null : `p95 ${formatMs(m.p95_ms)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

const byWhom = (by: string) => (by === ANALYSIS_ACTOR ? 'by the analysis' : `by ${by}`);
const withReason = (head: string, reason: string | null) => (reason ? `${head}: ${reason}` : head);

/** One event, as a sentence: "Aborted at step 2: 7.9% errors over 412 requests, limit 5%". */
export function eventWords(e: RolloutEventRead, r: Pick<RolloutRead, 'steps' | 'version_id' | 'baseline_version_id'>, name: VersionName) {
  const at = stepName(e.step_index);
  const of = r.steps?.length ? ` of ${r.steps.length}` : '';
  switch (e.kind) {
    case 'started':
      return `Started ${byWhom(e.by)}: ${name(r.version_id)} at ${e.percent}%, ${at}${of}`;
    case 'advanced':
      return withReason(`Advanced to ${at}${of} (${e.percent}%)`, e.reason);
    case 'inconclusive':
      return withReason(`Paused at ${at}, inconclusive`, e.reason);
    case 'paused':
      return `Paused at ${at} ${byWhom(e.by)}`;
    case 'resumed':
      return `Resumed at ${at} ${byWhom(e.by)}: its pause starts again`;
    case 'promoted':
      return `Promoted to 100% at ${at} ${byWhom(e.by)}`;
    case 'aborted':
      // The analysis says what it measured against which limit; a person, why (if they said).
      return e.by === ANALYSIS_ACTOR
        ? withReason(`Aborted at ${at}`, e.reason)
        : withReason(`Aborted at ${at} by ${e.by}`, e.reason ?? 'no reason given');
    case 'succeeded':
      return `Succeeded: ${name(r.version_id)} serves 100%, and ${name(r.baseline_version_id)} drains`;
    default:
      return withReason(`${e.kind} at ${at} ${byWhom(e.by)}`, e.reason);
  }
}

/** Where the rollout stands, in one sentence (the countdown ticks in the track, not here: this is read out when it changes). */
export function summaryWords(r: RolloutRead, name: VersionName): string {
  const canary = name(r.version_id);
  const baseline = name(r.baseline_version_id);
  const steps = r.steps ?? [];
  const step = steps[r.step_index];
  const where = `${stepName(r.step_index)}${steps.length ? ` of ${steps.length}` : ''}`;
  const share = step ? ` (${step.percent}%)` : '';
  switch (r.status) {
    case 'running':
      return `Running: ${canary} is at ${where}${share}. At the end of the step’s pause the analysis decides whether it takes the next step.`;
    case 'paused': {
      const by = pausedBy(r);
      const why = by ? eventWords(by, r, name) : `Paused at ${stepName(r.step_index)}`;
      const stays = `${canary} keeps its share until someone resumes, promotes or aborts the rollout; a limit crossed still rolls it back.`;
      return `${why}. ${stays}`;
    }
    case 'succeeded':
      return `Succeeded: ${canary} serves 100%, and ${baseline} drains.`;
    case 'aborted': {
      const e = finishedBy(r, 'aborted');
      return `${e ? eventWords(e, r, name) : `Aborted at ${stepName(r.step_index)}`}. ${baseline} serves 100% again.`;
    }
    default:
      return `The platform says this rollout is “${r.status}”.`;
  }
}
