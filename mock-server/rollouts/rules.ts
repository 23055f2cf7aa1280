/**
 * Progressive rollouts (CONTRACT §13, our extension): the rules, apart from
 * the routes so that the driver, the traffic and versions routes and the tests
 * use the same ones.
 *
 * **How decisions are made.** A rollout's state is stored (records.ts) and
 * moved on by `settleRollout`, which replays from where the last decision left
 * it every decision the clock and the request records call for since, in
 * order, each at the time it was due:
 * - while the canary serves (running or paused: a paused canary still takes
 *   its share, so the guard stays on), its step's tally (measure.ts) is read up
 *   to now — or up to the step's end, if that has passed — and the first
 *   record at which `requests ≥ min_requests` and the error rate or p95 went
 *   over its limit is an `aborted` event at that record's time: the canary
 *   to 0 (archived, as a 0 in the traffic PUT is), the baseline back to 100%;
 * - else, once a running step's pause has ended (`next_step_at`), the step's
 *   measure over (step_started_at, next_step_at] decides: fewer than
 *   `min_requests` → `inconclusive`, paused (a person decides); within limits
 *   → `advanced` into the next step at that time, whose pause starts then; the
 *   100% step → `advanced` then `succeeded`, the baseline draining as after a
 *   100% publish (the drain period from that time).
 * A restart, or a jump of the clock, replays each decision once, in order,
 * with the time it was due: the next step starts when the last one was due to
 * end, not when the platform noticed.
 *
 * **When.** `settleRollout` runs on every read and write of a rollout, of the
 * traffic (the traffic PUT, publishing, the versions list) and of the
 * activity, so a test that moves the clock sees the decision at once; and a
 * driver (`startRolloutDriver`, every second of real time) settles every
 * unfinished rollout, so an abort lands within about a second of the limit
 * being crossed, not at the end of the pause, with no one reading. The abort's
 * time is the crossing record's, whichever of them finds it: exact, and the
 * same for every reader, rather than the time the driver happened to look.
 *
 * **Once.** Settling is synchronous from reading the rollout to writing its
 * new state (the request log is SQLite, read synchronously), so two
 * evaluations — the driver's and a request's — never interleave, and each
 * finds the other's decisions made: each decision is recorded once. Its
 * traffic change, its event and its activity entry are written in the same
 * unit of work (one transaction).
 *
 * **The split** is applied by the traffic PUT's own code (traffic/rules.ts
 * `applyTraffic`, with the contract's `statusesAfterTrafficChange`): starting
 * sets the canary to the first step and the baseline to the rest, and any
 * other version with traffic to 0 (archived, as the PUT would: "the baseline
 * the rest"); reaching 100% lets the versions it takes to 0 drain out rather
 * than be archived at once (`drainEndsAt`).
 */
import { randomUUID } from 'node:crypto';
import {
  ANALYSIS_ACTOR,
  UNFINISHED_ROLLOUT,
  type RolloutCreate,
  type RolloutEvent,
  type RolloutEventKind,
  type RolloutMeasure,
} from '../../src/contract/rollouts';
import { isDrainingOut, isServing, servingVersions } from '../../src/contract/versions-rules';
import { currentSplit, record } from '../activity/rules';
import type { Running } from '../core/domain';
import { conflict, issue, validationError } from '../core/errors';
import { describeError } from '../core/log';
import type { Store } from '../core/store';
import { iso } from '../core/time';
import type { ServiceRecord } from '../services/records';
import { applyTraffic } from '../traffic/rules';
import { msWords, percentWords } from './measure';
import type { RolloutRecord } from './records';

/** The 409 of a manual traffic change (and of a second rollout) while one is unfinished (CONTRACT §13). */
export const IN_PROGRESS = 'A rollout is in progress: abort it first';

/** How often the driver settles the unfinished rollouts, ms of real time. */
export const DRIVER_EVERY_MS = 1000;

/** A person, as the activity keeps one. */
export type Person = { id: string; email: string };
/** Who made a decision: a person, or the analysis. */
type Decider = Person | typeof ANALYSIS_ACTOR;

export const isUnfinished = (r: { status: string }): boolean => (UNFINISHED_ROLLOUT as readonly string[]).includes(r.status);

/** "step 2 of 3": steps in words are counted from 1. */
const stepWords = (r: RolloutRecord, index = r.step_index) => `step ${index + 1} of ${r.steps.length}`;
const percentOf = (r: RolloutRecord) => r.steps[r.step_index]!.percent;
/** A version's number, as a person reads it ("v3"); version numbers never change. */
const vName = (store: Store, versionId: string) => `v${store.versions.get(versionId)?.version ?? '?'}`;

/** "0.8% errors, p95 120 ms over 412 requests". */
function measureWords(m: RolloutMeasure): string {
  return `${percentWords(m.error_rate)} errors${m.p95_ms === null ? '' : `, p95 ${msWords(m.p95_ms)}`} over ${m.requests} requests`;
}

// ---- what a decision writes ---------------------------------------------------------

interface Happened {
  kind: RolloutEventKind;
  /** ms: when it was due (a step's end, the crossing record's time) or now. */
  at: number;
  by: Decider;
  step_index: number;
  /** The canary's share once it happened. */
  percent: number;
  reason?: string | null;
  measured?: RolloutMeasure | null;
  /** The activity entry's words. */
  summary: string;
  /** It ends the rollout so: its `finished_at` is the event's time. */
  finish?: 'succeeded' | 'aborted';
}

/**
 * The event, on the rollout with `changes`, and its activity entry (with the
 * split as it is now: the decision's traffic change comes first). An event is
 * never before the one it follows.
 */
function happen(store: Store, r: RolloutRecord, e: Happened, changes: Partial<RolloutRecord> = {}): RolloutRecord {
  const last = r.events.at(-1);
  const at = iso(last ? Math.max(e.at, Date.parse(last.at)) : e.at);
  const event: RolloutEvent = {
    at,
    kind: e.kind,
    step_index: e.step_index,
    percent: e.percent,
    by: e.by === ANALYSIS_ACTOR ? ANALYSIS_ACTOR : e.by.email,
    reason: e.reason ?? null,
    measured: e.measured ?? null,
  };
  const finished = e.finish ? { status: e.finish, next_step_at: null, finished_at: at } : {};
  const next = store.rollouts.put({ ...r, ...changes, ...finished, events: [...r.events, event] });
  record(store, r.service_id, e.by === ANALYSIS_ACTOR ? null : e.by, {
    kind: `rollout.${e.kind}`,
    summary: e.summary,
    at,
    version: store.versions.get(r.version_id)?.version ?? null,
    split: currentSplit(store, r.service_id),
    rollout_id: r.id,
  });
  if (!isUnfinished(next)) store.rolloutTallies.drop(r.id);
  return next;
}

/**
 * The canary at `percent`, the baseline the rest, every other version with
 * traffic at 0 — through the traffic PUT's rule. At 100% those taken to 0
 * drain out from `at` (as after a 100% publish); below, a 0 archives.
 */
function applySplit(store: Store, r: RolloutRecord, percent: number, at: number, drainMs: number): void {
  const service = store.services.get(r.service_id)!;
  const allocations = store.versionsOf(service.id).flatMap((v) => {
    if (!isServing(v)) return [];
    if (v.id === r.version_id) return [{ version_id: v.id, percent }];
    if (v.id === r.baseline_version_id) return [{ version_id: v.id, percent: 100 - percent }];
    // One draining out after a publish need not be listed: it goes on draining out.
    return isDrainingOut(v) ? [] : [{ version_id: v.id, percent: 0 }];
  });
  applyTraffic(store, service, allocations, store.clock.iso(), percent === 100 ? { drainEndsAt: iso(at + drainMs) } : {});
}

function succeed(store: Store, r: RolloutRecord, at: number, by: Decider): RolloutRecord {
  const last = r.steps.length - 1;
  return happen(
    store,
    r,
    {
      kind: 'succeeded',
      at,
      by,
      step_index: last,
      percent: 100,
      summary: `Rollout of ${vName(store, r.version_id)} succeeded: it serves 100%, and ${vName(store, r.baseline_version_id)} drains`,
      finish: 'succeeded',
    },
    { step_index: last },
  );
}

/** The step's pause ended within limits: into the next step at `at` (and succeeded if it is the 100% one). */
function advanceStep(store: Store, r: RolloutRecord, at: number, measured: RolloutMeasure, drainMs: number): RolloutRecord {
  const index = r.step_index + 1;
  const step = r.steps[index]!;
  const last = index === r.steps.length - 1;
  applySplit(store, r, step.percent, at, drainMs);
  const reason = `${measureWords(measured)}, within the limits`;
  const next = happen(
    store,
    r,
    {
      kind: 'advanced',
      at,
      by: ANALYSIS_ACTOR,
      step_index: index,
      percent: step.percent,
      reason,
      measured,
      summary: `Rollout of ${vName(store, r.version_id)} advanced to ${stepWords(r, index)} (${step.percent}%): ${reason}`,
    },
    { step_index: index, step_started_at: iso(at), next_step_at: last ? null : iso(at + step.pause_seconds * 1000) },
  );
  return last ? succeed(store, next, at, ANALYSIS_ACTOR) : next;
}

function inconclusive(store: Store, r: RolloutRecord, at: number, measured: RolloutMeasure): RolloutRecord {
  const reason = `${measured.requests} of the ${r.analysis.min_requests} requests needed`;
  return happen(
    store,
    r,
    {
      kind: 'inconclusive',
      at,
      by: ANALYSIS_ACTOR,
      step_index: r.step_index,
      percent: percentOf(r),
      reason,
      measured,
      summary: `Rollout of ${vName(store, r.version_id)} paused at ${stepWords(r)} (${percentOf(r)}%): inconclusive, ${reason}`,
    },
    { status: 'paused', next_step_at: null },
  );
}

/** Back to the baseline: the canary to 0 (archived) and the baseline to 100%, unless the split is not the rollout's to change any more. */
function abort(
  store: Store,
  r: RolloutRecord,
  e: { at: number; by: Decider; reason: string | null; measured: RolloutMeasure | null },
  drainMs: number,
  split = true,
): RolloutRecord {
  if (split) applySplit(store, r, 0, e.at, drainMs);
  const where = `at ${stepWords(r)}`;
  const back = split ? `; ${vName(store, r.baseline_version_id)} serves 100% again` : '';
  return happen(store, r, {
    kind: 'aborted',
    at: e.at,
    by: e.by,
    step_index: r.step_index,
    percent: 0,
    reason: e.reason,
    measured: e.measured,
    summary: `Aborted the rollout of ${vName(store, r.version_id)} ${where}${e.reason ? `: ${e.reason}` : ''}${back}`,
    finish: 'aborted',
  });
}

// ---- settling: every decision due by now, in order -------------------------------------

/** Make every decision due by `now`, in order, each at its time; returns the rollout as it then stands. */
export function settleRollout(store: Store, rollout: RolloutRecord, drainMs: number, now = store.clock.now()): RolloutRecord {
  let r = rollout;
  // Each pass either returns or makes a step's end decision (at most one per step, and a pause stops them): it ends.
  while (isUnfinished(r)) {
    const canary = store.versionIn(r.service_id, r.version_id);
    const baseline = store.versionIn(r.service_id, r.baseline_version_id);
    // Only a change made around the platform's rules could do this (every traffic change waits for the rollout): say so, touch nothing.
    if (!canary || !isServing(canary) || !baseline || !isServing(baseline)) {
      const gone = !canary || !isServing(canary) ? r.version_id : r.baseline_version_id;
      return abort(
        store,
        r,
        { at: now, by: ANALYSIS_ACTOR, reason: `${vName(store, gone)} no longer serves`, measured: null },
        drainMs,
        false,
      );
    }
    const due = r.status === 'running' && r.next_step_at !== null ? Date.parse(r.next_step_at) : null;
    const ended = due !== null && due <= now;
    const tally = store.rolloutTallies.read(r, canary.version, ended ? due : now);
    if (tally.crossing) {
      const { at, reason, measured } = tally.crossing;
      return abort(store, r, { at, by: ANALYSIS_ACTOR, reason, measured }, drainMs);
    }
    if (!ended) return r;
    const measured = tally.measure();
    r = measured.requests < r.analysis.min_requests ? inconclusive(store, r, due, measured) : advanceStep(store, r, due, measured, drainMs);
  }
  return r;
}

/** The service's unfinished rollout once settled (undefined: none). */
export function settleService(store: Store, serviceId: string, drainMs: number): RolloutRecord | undefined {
  const open = store.rollouts.in('service', serviceId).find(isUnfinished);
  if (!open) return undefined;
  const r = settleRollout(store, open, drainMs);
  return isUnfinished(r) ? r : undefined;
}

/** A manual traffic change (the traffic PUT, a publish) waits for the service's rollout: 409 while one is running or paused. */
export function assertNoRolloutInProgress(store: Store, serviceId: string, drainMs: number): void {
  if (settleService(store, serviceId, drainMs)) throw conflict(IN_PROGRESS);
}

/**
 * The driver: every second of real time while a rollout is unfinished, settle
 * every unfinished rollout (in one unit of work), so an abort does not wait
 * for someone to read. Armed only while one is unfinished (a rollout started,
 * or read back running or paused), so an idle platform keeps no timer; unref'd
 * (it never keeps a process alive); stopped when the platform closes.
 */
export function startRolloutDriver(store: Store, drainMs: number): Running {
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let stopped = false;
  const unfinished = () => store.rollouts.in('unfinished', 'unfinished');
  const disarm = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const tick = () => {
    if (busy) return;
    const open = unfinished();
    // None left (finished, or the state was replaced): the next start arms it again.
    if (open.length === 0) return disarm();
    busy = true;
    store
      .unitOfWork(async () => {
        for (const { id } of open) {
          // As it is now (a request may have moved it since the round began, or deleted its service).
          const r = store.rollouts.get(id);
          if (!r) continue;
          try {
            settleRollout(store, r, drainMs);
          } catch (e) {
            // One rollout that cannot be settled does not stop the others; its next read says why.
            console.error(`[mock] could not settle rollout ${id}: ${describeError(e)}`);
          }
        }
      })
      .catch((e: unknown) => console.error(`[mock] could not save the rollouts' decisions: ${describeError(e)}`))
      .finally(() => {
        busy = false;
      });
  };
  const arm = () => {
    if (stopped || timer || unfinished().length === 0) return;
    timer = setInterval(tick, DRIVER_EVERY_MS);
    timer.unref();
  };
  store.rollouts.watch((_before, after) => {
    if (after && isUnfinished(after)) arm();
  });
  arm();
  return {
    stop: () => {
      stopped = true;
      disarm();
    },
  };
}

// ---- what people do -------------------------------------------------------------------------

/** `POST …/rollouts`: the checks of CONTRACT §13, then the first step's split and `started`. */
export function startRollout(store: Store, service: ServiceRecord, body: RolloutCreate, by: Person, drainMs: number): RolloutRecord {
  if (settleService(store, service.id, drainMs)) throw conflict(IN_PROGRESS);
  const loc = ['body', 'version_id'];
  const canary = store.versionIn(service.id, body.version_id);
  if (!canary) throw validationError([issue(loc, 'No such version in this service')]);
  if (canary.status === 'draft')
    throw validationError([issue(loc, `Version ${canary.version} is a draft: publish it before rolling it out`)]);
  if (!isServing(canary)) throw validationError([issue(loc, `Version ${canary.version} is archived: it cannot take traffic again`)]);
  const baseline = servingVersions(store.versionsOf(service.id)).find((v) => v.id !== canary.id);
  if (!baseline)
    throw validationError([
      issue(loc, `Version ${canary.version} is the only version serving: a rollout needs another beside it to compare with and go back to`),
    ]);

  const now = store.clock.now();
  const first = body.steps[0]!;
  const created: RolloutRecord = {
    id: randomUUID(),
    service_id: service.id,
    version_id: canary.id,
    baseline_version_id: baseline.id,
    status: 'running',
    step_index: 0,
    steps: body.steps,
    analysis: body.analysis,
    step_started_at: iso(now),
    next_step_at: body.steps.length > 1 ? iso(now + first.pause_seconds * 1000) : null,
    created_by: by.email,
    created_at: iso(now),
    finished_at: null,
    events: [],
  };
  applySplit(store, created, first.percent, now, drainMs);
  const a = body.analysis;
  const limits = [
    `at most ${percentWords(a.max_error_rate)} errors`,
    a.max_p95_ms === null ? null : `p95 at most ${msWords(a.max_p95_ms)}`,
    `${a.min_requests} requests a step`,
  ].filter(Boolean);
  let r = happen(store, created, {
    kind: 'started',
    at: now,
    by,
    step_index: 0,
    percent: first.percent,
    summary: `Started a rollout of v${canary.version} from v${baseline.version}: ${body.steps.map((s) => `${s.percent}%`).join(' → ')}; ${limits.join(', ')}`,
  });
  if (body.steps.length === 1) r = succeed(store, r, now, by);
  // A first step with no pause ends now.
  return settleRollout(store, r, drainMs, now);
}

/** A person's action on a finished rollout is a 409 that says how it ended. */
function assertUnfinished(r: RolloutRecord, action: string): void {
  if (!isUnfinished(r))
    throw conflict(`This rollout has ${r.status === 'succeeded' ? 'succeeded' : 'been aborted'}: there is nothing to ${action}`);
}

/** The canary over its step so far. */
function soFar(store: Store, r: RolloutRecord): RolloutMeasure {
  const canary = store.versions.get(r.version_id)!;
  return store.rolloutTallies.read(r, canary.version, store.clock.now()).measure();
}

export function pauseRollout(store: Store, rollout: RolloutRecord, by: Person, drainMs: number): RolloutRecord {
  const r = settleRollout(store, rollout, drainMs);
  assertUnfinished(r, 'pause');
  if (r.status === 'paused') throw conflict('This rollout is paused already');
  return happen(
    store,
    r,
    {
      kind: 'paused',
      at: store.clock.now(),
      by,
      step_index: r.step_index,
      percent: percentOf(r),
      measured: soFar(store, r),
      summary: `Paused the rollout of ${vName(store, r.version_id)} at ${stepWords(r)} (${percentOf(r)}%)`,
    },
    { status: 'paused', next_step_at: null },
  );
}

/** Running again: the current step's pause starts again now; its measure goes on from the step's start. */
export function resumeRollout(store: Store, rollout: RolloutRecord, by: Person, drainMs: number): RolloutRecord {
  const r = settleRollout(store, rollout, drainMs);
  assertUnfinished(r, 'resume');
  if (r.status === 'running') throw conflict('This rollout is running: there is nothing to resume');
  const now = store.clock.now();
  const resumed = happen(
    store,
    r,
    {
      kind: 'resumed',
      at: now,
      by,
      step_index: r.step_index,
      percent: percentOf(r),
      measured: soFar(store, r),
      summary: `Resumed the rollout of ${vName(store, r.version_id)} at ${stepWords(r)} (${percentOf(r)}%): its pause starts again`,
    },
    { status: 'running', next_step_at: iso(now + r.steps[r.step_index]!.pause_seconds * 1000) },
  );
  // A step with no pause ends at once.
  return settleRollout(store, resumed, drainMs, now);
}

/** Straight to 100%: `promoted`, then `succeeded`; the baseline drains. */
export function promoteRollout(store: Store, rollout: RolloutRecord, by: Person, drainMs: number): RolloutRecord {
  const r = settleRollout(store, rollout, drainMs);
  assertUnfinished(r, 'promote');
  const now = store.clock.now();
  const measured = soFar(store, r);
  applySplit(store, r, 100, now, drainMs);
  const promoted = happen(store, r, {
    kind: 'promoted',
    at: now,
    by,
    step_index: r.step_index,
    percent: 100,
    measured,
    summary: `Promoted ${vName(store, r.version_id)} to 100% at ${stepWords(r)} of its rollout`,
  });
  return succeed(store, promoted, now, by);
}

export function abortRollout(store: Store, rollout: RolloutRecord, by: Person, reason: string | null, drainMs: number): RolloutRecord {
  const r = settleRollout(store, rollout, drainMs);
  assertUnfinished(r, 'abort');
  return abort(store, r, { at: store.clock.now(), by, reason, measured: soFar(store, r) }, drainMs);
}
