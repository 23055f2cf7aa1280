/**
 * The canary over its step (CONTRACT §13): requests, `error_rate` = 5xx /
 * requests (as the metrics say it, §12) and the p95 latency, from the request
 * records of the canary's version after the step started — exactly, record by
 * record, not from the metrics' per-bucket sketches: a step decides on as few
 * as `min_requests` calls (20 by default), where one call more or less, or a
 * percentile 1% off, changes the answer.
 *
 * Read in order (`seq`), the tally knows the first record at which the limits
 * were crossed: the moment the analysis aborts, whenever it is evaluated.
 * Whether p95 is over the limit needs no sort: the nearest-rank p95 of n values
 * is over L exactly when more than n − ⌈0.95 n⌉ of them are, so each record
 * costs a few additions; the p95 itself is computed (sorted) only for what is
 * reported. A tally is kept per rollout and step between evaluations (the
 * driver's every second, each read), reading only the records since the last;
 * a restart, or a new step, starts one from the step's beginning.
 */
import type { RolloutAnalysis, RolloutMeasure } from '../../src/contract/rollouts';
import type { VersionCall } from '../requests/log';
import type { Store } from '../core/store';

/** The nearest-rank p95 of some durations (null: none), rounded to 0.01 ms as the metrics round theirs. */
function p95Of(durations: readonly number[]): number | null {
  if (!durations.length) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  return Math.round(sorted[Math.ceil(0.95 * sorted.length) - 1]! * 100) / 100;
}

/** The limits crossed, in words, the error rate first: "7.9% errors over 412 requests, limit 5%". */
function crossedWords(m: RolloutMeasure, a: RolloutAnalysis, errors: boolean, slow: boolean): string {
  const over: string[] = [];
  if (errors) over.push(`${percentWords(m.error_rate)} errors over ${m.requests} requests, limit ${percentWords(a.max_error_rate)}`);
  if (slow && a.max_p95_ms !== null)
    over.push(`p95 ${m.p95_ms === null ? '–' : msWords(m.p95_ms)} over ${m.requests} requests, limit ${msWords(a.max_p95_ms)}`);
  return over.join('; ');
}

/** 0.0789 → "7.9%"; 0.05 → "5%". */
export const percentWords = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
/** 812.345 → "812 ms"; 0.42 → "0.42 ms". */
export const msWords = (ms: number) => `${ms >= 10 ? Math.round(ms) : Math.round(ms * 100) / 100} ms`;

/** The canary's calls in one step, in order, and the first moment they crossed the limits. */
export class StepTally {
  private requests = 0;
  private errors = 0;
  /** Calls slower than `max_p95_ms`. */
  private slow = 0;
  private readonly durations: number[] = [];
  /** The last record read (its `seq`). */
  lastSeq = 0;
  /** Up to when (ms) the records were read. */
  readUntil: number;
  /** The first record at which the limits were crossed: its time, the measure then, and which limits, in words. */
  crossing: { at: number; measured: RolloutMeasure; reason: string } | null = null;

  constructor(
    private readonly analysis: RolloutAnalysis,
    startMs: number,
  ) {
    this.readUntil = startMs;
  }

  add(call: VersionCall): void {
    this.lastSeq = call.seq;
    this.requests += 1;
    if (call.status >= 500) this.errors += 1;
    const { max_error_rate, max_p95_ms, min_requests } = this.analysis;
    if (max_p95_ms !== null && call.duration_ms > max_p95_ms) this.slow += 1;
    this.durations.push(call.duration_ms);
    if (this.crossing || this.requests < min_requests) return;
    const n = this.requests;
    const errors = this.errors / n > max_error_rate;
    // The p95 (the value of rank ⌈0.95 n⌉) is over the limit when more than n − ⌈0.95 n⌉ calls are.
    const slow = max_p95_ms !== null && this.slow > n - Math.ceil(0.95 * n);
    if (errors || slow) {
      const measured = this.measure();
      this.crossing = { at: call.time, measured, reason: crossedWords(measured, this.analysis, errors, slow) };
    }
  }

  /** Everything read so far. */
  measure(): RolloutMeasure {
    return { requests: this.requests, error_rate: this.requests ? this.errors / this.requests : 0, p95_ms: p95Of(this.durations) };
  }
}

/** The tallies of the unfinished rollouts, by rollout (a store's: `store.rolloutTallies`). */
export class RolloutTallies {
  private readonly tallies = new Map<string, { step: string; tally: StepTally }>();

  constructor(private readonly store: Store) {}

  /**
   * The canary's tally over its current step, read up to `untilMs`: records
   * after `step_started_at` and at or before `untilMs` (a step's end belongs
   * to the step that ends there).
   */
  read(
    rollout: { id: string; service_id: string; step_index: number; step_started_at: string; analysis: RolloutAnalysis },
    version: number,
    untilMs: number,
  ): StepTally {
    const step = `${rollout.step_index}@${rollout.step_started_at}@${version}`;
    const startMs = Date.parse(rollout.step_started_at);
    let held = this.tallies.get(rollout.id);
    // A new step (or a read further back than the last, which the order of evaluation never asks for) starts afresh.
    if (!held || held.step !== step || held.tally.readUntil > untilMs) {
      held = { step, tally: new StepTally(rollout.analysis, startMs) };
      this.tallies.set(rollout.id, held);
    }
    const { tally } = held;
    if (untilMs > tally.readUntil) {
      for (const call of this.store.requestLog.versionCalls(rollout.service_id, version, startMs, untilMs, tally.lastSeq)) tally.add(call);
      tally.readUntil = untilMs;
    }
    return tally;
  }

  /** A finished rollout needs its tally no more. */
  drop(rolloutId: string): void {
    this.tallies.delete(rolloutId);
  }

  /** The state was replaced. */
  clear(): void {
    this.tallies.clear();
  }
}
