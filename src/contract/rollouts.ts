/**
 * **[decision, extension]** Progressive rollouts (CONTRACT §13): traffic moves
 * to a published version in steps, and the version's health is checked between
 * them; the platform promotes it or rolls it back by itself, and every decision
 * records what was measured against which limit.
 *
 * `POST …/hosted-services/{id}/rollouts` (Idempotency-Key), `GET …/rollouts`
 * (newest first, paged), `GET …/rollouts/{rollout_id}`, and `POST …/{rollout_id}/pause`,
 * `…/resume`, `…/promote`, `…/abort` (`{reason}` optional); for list pages, the
 * workspace's `GET …/service-rollouts` (each service's newest, in one call).
 */
import * as z from 'zod/mini';
import { Description, Id, listQuery } from './common';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

export const MAX_ROLLOUT_STEPS = 10;
export const MAX_PAUSE_SECONDS = 86_400;

export const RolloutStep = z.object({
  percent: z
    .int()
    .check(z.minimum(1, { error: 'A step’s percent is at least 1' }), z.maximum(100, { error: 'A step’s percent is at most 100' })),
  pause_seconds: z
    .int()
    .check(
      z.minimum(0, { error: 'A pause is at least 0 seconds' }),
      z.maximum(MAX_PAUSE_SECONDS, { error: `A pause is at most ${MAX_PAUSE_SECONDS} seconds (a day)` }),
    ),
});
export type RolloutStep = z.infer<typeof RolloutStep>;

export const RolloutAnalysis = z.object({
  /** 0–1: the canary's `errors_5xx / requests` may not go over this. */
  max_error_rate: z
    .number()
    .check(
      z.minimum(0, { error: 'The error-rate limit is between 0 and 1' }),
      z.maximum(1, { error: 'The error-rate limit is between 0 and 1' }),
    ),
  /** Milliseconds; null: no latency limit. */
  max_p95_ms: z.nullable(z.number().check(z.positive({ error: 'The p95 limit is a positive number of milliseconds' }))),
  /** How many of the canary's requests a step needs before the analysis decides. */
  min_requests: z.int().check(z.minimum(1, { error: 'At least 1 request' })),
});
export type RolloutAnalysis = z.infer<typeof RolloutAnalysis>;

/** The analysis a console proposes (the issue's defaults: at most 5% errors, at least 20 requests, no p95 limit). */
export const DEFAULT_ANALYSIS: RolloutAnalysis = { max_error_rate: 0.05, max_p95_ms: null, min_requests: 20 };

/** 1–10 steps; percents strictly increasing, the last one 100 (each issue on its step's field). */
export const RolloutSteps = z.array(RolloutStep).check(
  z.minLength(1, { error: 'A rollout has at least one step' }),
  z.maxLength(MAX_ROLLOUT_STEPS, { error: `A rollout has at most ${MAX_ROLLOUT_STEPS} steps` }),
  z.superRefine((steps, ctx) => {
    // The check runs even when a step's own checks failed: compare only percents that are valid, so a bad one is
    // named once, by its own rule, and not again as out of order.
    const valid = (p: unknown): p is number => Number.isInteger(p) && (p as number) >= 1 && (p as number) <= 100;
    steps.forEach((step, i) => {
      const before = steps[i - 1]?.percent;
      if (i > 0 && valid(step.percent) && valid(before) && step.percent <= before)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'percent'],
          message: 'Each step’s percent is higher than the one before',
          input: step.percent,
        });
    });
    const last = steps.at(-1);
    if (last && valid(last.percent) && last.percent !== 100)
      ctx.addIssue({ code: 'custom', path: [steps.length - 1, 'percent'], message: 'The last step is 100%', input: last.percent });
  }),
);

export const RolloutCreate = z.object({
  version_id: Id,
  steps: RolloutSteps,
  analysis: RolloutAnalysis,
});
export type RolloutCreate = z.infer<typeof RolloutCreate>;

export const RolloutStatus = z.enum(['running', 'paused', 'succeeded', 'aborted']);
export type RolloutStatus = z.infer<typeof RolloutStatus>;
export const UNFINISHED_ROLLOUT: readonly RolloutStatus[] = ['running', 'paused'];

export const RolloutEventKind = z.enum(['started', 'advanced', 'paused', 'resumed', 'promoted', 'aborted', 'inconclusive', 'succeeded']);
export type RolloutEventKind = z.infer<typeof RolloutEventKind>;

/** The canary over its step so far. */
export const RolloutMeasure = z.object({
  requests: z.int().check(z.minimum(0)),
  error_rate: z.number().check(z.minimum(0), z.maximum(1)),
  p95_ms: z.nullable(z.number().check(z.minimum(0))),
});
export type RolloutMeasure = z.infer<typeof RolloutMeasure>;

/**
 * One decision, in the order made. `at` is when it was due (a step's end, the
 * moment a limit was crossed), which may be earlier than when the platform
 * computed it (after a restart, or a jump of the clock).
 */
const rolloutEvent = <M extends Mode>(r: Reading<M>) =>
  z.object({
    at: r.timestamp,
    kind: r.openEnum(RolloutEventKind),
    /** The step it happened at (0-based); `advanced`: the step entered. */
    step_index: z.int().check(z.minimum(0)),
    /** The canary's share of the traffic once it happened: `advanced` the step entered, `aborted` 0, `promoted`/`succeeded` 100. */
    percent: z.int().check(z.minimum(0), z.maximum(100)),
    /** A user's email, or `"analysis"` for the platform's own decisions. */
    by: z.string(),
    /** Why, in words: the analysis's finding ("7.9% errors over 412 requests, limit 5%"), or what a person wrote when aborting. */
    reason: z.nullable(z.string()),
    /** The canary over the step so far (`advanced`: the step that ended; `aborted` by the analysis: when the limit was crossed); null for `started`. */
    measured: z.nullable(RolloutMeasure),
  });
export const [RolloutEvent, readRolloutEvent] = [rolloutEvent(strict), rolloutEvent(lenient)];
export type RolloutEvent = z.infer<typeof RolloutEvent>;
export type RolloutEventRead = z.output<typeof readRolloutEvent>;

export const ANALYSIS_ACTOR = 'analysis';

const rollout = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    service_id: Id,
    version_id: Id,
    baseline_version_id: Id,
    status: r.openEnum(RolloutStatus),
    step_index: z.int().check(z.minimum(0)),
    /**
     * What a start sent, as the platform keeps it. The whole shape is our decision (CONTRACT §13): leniently, a
     * platform that leaves either out (or sends null) still has its rollout read — without steps the console shows
     * no track, without the analysis it says the limits are not known — rather than the panel failing.
     */
    steps: r.decided(z.array(RolloutStep), []),
    analysis: r.decided(RolloutAnalysis, null),
    step_started_at: r.timestamp,
    /** When the current step's pause ends; null when paused or finished. */
    next_step_at: z.nullable(r.timestamp),
    created_by: z.string(),
    created_at: r.timestamp,
    finished_at: z.nullable(r.timestamp),
    events: z.array(rolloutEvent(r)),
  });
export const [Rollout, RolloutPage] = withPage(rollout, strict);
export const [readRollout, readRolloutPage] = withPage(rollout, lenient);
export type Rollout = z.infer<typeof Rollout>;
export type RolloutRead = z.output<typeof readRollout>;

/** Seed 001's common list parameters; `status` filters by the rollout's (ours, as the whole list is). */
export const RolloutListQuery = z.extend(listQuery(['created_at', 'finished_at']), { status: z.optional(RolloutStatus) });

export const RolloutAbort = z.object({ reason: z.optional(z.nullable(Description(500, 'Reason'))) });
export type RolloutAbort = z.infer<typeof RolloutAbort>;

/**
 * `GET …/workspaces/{id}/service-rollouts` **[decision, extension]**: each
 * service's newest rollout (an unfinished one is always the newest) — what the
 * services list and "Needs attention" need in one call, never one per row. Only
 * services that have had a rollout are listed; `service_id` (repeatable, up to
 * 100) narrows it to those services.
 */
const serviceRollouts = <M extends Mode>(r: Reading<M>) => z.object({ items: z.array(z.object({ service_id: Id, rollout: rollout(r) })) });
export const [ServiceRollouts, readServiceRollouts] = [serviceRollouts(strict), serviceRollouts(lenient)];
export type ServiceRollouts = z.infer<typeof ServiceRollouts>;
export type ServiceRolloutsRead = z.output<typeof readServiceRollouts>;

export const ServiceRolloutsQuery = z.object({
  service_id: z.optional(z.union([Id, z.array(Id).check(z.maxLength(100, { error: 'At most 100 services' }))])),
});
