/**
 * A rollout's decisions in words (STYLE: "decisions are explained where they
 * show"): what happened, at which step, by whom, and — for the analysis's own
 * decisions — what was measured against which limit, as the platform said it.
 */
import { ANALYSIS_ACTOR, type RolloutEventRead, type RolloutMeasure, type RolloutRead } from '@/contract/rollouts';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';

/** "v3"; a version the page does not know (archived off the list, another platform's id) is "the new version". */
export type VersionName = (versionId: string) => string;

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
