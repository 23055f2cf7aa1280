/**
 * A rollout as a person plans it in the publish dialog: a preset or a custom
 * list of steps, pauses in minutes, the error limit in percent — and the
 * contract's `{steps, analysis}` it becomes. The checks are the contract's own
 * (`RolloutSteps`, `RolloutAnalysis`, the same the mock runs), run on what the
 * plan sends; each issue lands on the field the person typed, said in that
 * field's unit.
 */
import * as z from 'zod/mini';
import {
  DEFAULT_ANALYSIS,
  MAX_PAUSE_SECONDS,
  MAX_ROLLOUT_STEPS,
  RolloutAnalysis,
  RolloutSteps,
  type RolloutCreate,
} from '@/contract/rollouts';

export type RolloutPreset = 'canary' | 'linear' | 'custom';
export type PlannedStep = { percent: number; pause_minutes: number };

/** What the form holds. */
export type RolloutPlanValues = {
  preset: RolloutPreset;
  steps: PlannedStep[];
  /** 0–100: the canary's share of 5xx answers may not go over this. */
  max_error_percent: number;
  min_requests: number;
  /** Null: no latency limit. */
  max_p95_ms: number | null;
};

/** Steps to each percent in turn, pausing `minutes` after each but the last (where the rollout ends). */
const stepsTo = (minutes: number, percents: readonly number[]): PlannedStep[] =>
  percents.map((percent, i) => ({ percent, pause_minutes: i === percents.length - 1 ? 0 : minutes }));

/** The presets people know from CodeDeploy (`Canary10Percent5Minutes`, `Linear…`) and Argo Rollouts' `setWeight`/`pause`. */
export const ROLLOUT_PRESETS = {
  canary: { label: 'Canary', summary: '10% for 5 minutes, then 100%', steps: stepsTo(5, [10, 100]) },
  linear: { label: 'Linear', summary: '25% more every 10 minutes', steps: stepsTo(10, [25, 50, 75, 100]) },
} as const satisfies Record<Exclude<RolloutPreset, 'custom'>, { label: string; summary: string; steps: readonly PlannedStep[] }>;

export const MAX_STEPS = MAX_ROLLOUT_STEPS;
const MAX_PAUSE_MINUTES = MAX_PAUSE_SECONDS / 60;

export const presetSteps = (preset: Exclude<RolloutPreset, 'custom'>): PlannedStep[] =>
  ROLLOUT_PRESETS[preset].steps.map((s) => ({ ...s }));

/** The canary preset and the issue's limits: at most 5% errors, at least 20 requests, no p95 limit. */
export const DEFAULT_PLAN: RolloutPlanValues = {
  preset: 'canary',
  steps: presetSteps('canary'),
  max_error_percent: DEFAULT_ANALYSIS.max_error_rate * 100,
  min_requests: DEFAULT_ANALYSIS.min_requests,
  max_p95_ms: DEFAULT_ANALYSIS.max_p95_ms,
};

/** The body's `steps` and `analysis` (the version is the caller's). The last step's pause is ignored by the platform: sent as 0. */
export function planBody(plan: RolloutPlanValues): Omit<RolloutCreate, 'version_id'> {
  return {
    steps: plan.steps.map((s, i) => ({
      percent: s.percent,
      pause_seconds: i === plan.steps.length - 1 ? 0 : Math.round(s.pause_minutes * 60),
    })),
    analysis: {
      // 7.9 → 0.079, without binary noise.
      max_error_rate: Number((plan.max_error_percent / 100).toFixed(6)),
      max_p95_ms: plan.max_p95_ms,
      min_requests: plan.min_requests,
    },
  };
}

/** Where a field of the contract's body (`steps.1.pause_seconds`, `analysis.max_error_rate`) is in the plan; null: not one of the plan's. */
export function planField(bodyField: string): string | null {
  const step = /^steps\.(\d+)\.(percent|pause_seconds)$/.exec(bodyField);
  if (step) return `steps.${step[1]}.${step[2] === 'percent' ? 'percent' : 'pause_minutes'}`;
  if (bodyField === 'steps') return 'steps';
  const analysis: Record<string, string> = {
    'analysis.max_error_rate': 'max_error_percent',
    'analysis.min_requests': 'min_requests',
    'analysis.max_p95_ms': 'max_p95_ms',
  };
  return analysis[bodyField] ?? null;
}

/** The contract's words, in the unit the field is typed in (minutes, percent); its other words as they are. */
function planMessage(field: string, issue: z.core.$ZodIssue): string {
  if (field.endsWith('pause_minutes')) {
    if (issue.code === 'too_big') return `A pause is at most ${MAX_PAUSE_MINUTES} minutes (a day)`;
    if (issue.code === 'too_small') return 'A pause is at least 0 minutes';
  }
  if (field === 'max_error_percent') return 'The error limit is from 0% to 100%';
  if (issue.code === 'invalid_type') return 'Enter a whole number';
  return issue.message;
}

/** The contract's `{steps, analysis}`: what the plan is checked against. */
const RolloutBody = z.object({ steps: RolloutSteps, analysis: RolloutAnalysis });

const toPath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * The plan's checks, all at once: each field typed is a number, then the
 * contract's rules on the body it makes (1–10 steps, percents 1–100 rising to
 * 100, pauses up to a day, the limits in range), each issue on its field — a
 * field left empty is said to be so, once.
 */
export const RolloutPlan = z.custom<RolloutPlanValues>().check(
  z.superRefine((plan, ctx) => {
    const empty = new Set<string>();
    const need = (field: string, value: unknown, what: string) => {
      if (typeof value === 'number' && !Number.isNaN(value)) return;
      empty.add(field);
      ctx.addIssue({ code: 'custom', path: toPath(field), message: `Enter ${what}`, input: value });
    };
    plan.steps.forEach((step, i) => {
      need(`steps.${i}.percent`, step.percent, 'a percent');
      // The last step's pause is not asked for: the rollout ends there.
      if (i < plan.steps.length - 1) need(`steps.${i}.pause_minutes`, step.pause_minutes, 'the minutes');
    });
    need('max_error_percent', plan.max_error_percent, 'a percent');
    need('min_requests', plan.min_requests, 'a number of requests');
    if (plan.max_p95_ms !== null) need('max_p95_ms', plan.max_p95_ms, 'milliseconds, or leave it empty');

    const checked = RolloutBody.safeParse(planBody(plan));
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      const field = planField(issue.path.join('.')) ?? 'steps';
      if (!empty.has(field)) ctx.addIssue({ code: 'custom', path: toPath(field), message: planMessage(field, issue), input: undefined });
    }
  }),
);

/** "10% for 5 min → 50% for 10 min → 100%". */
export function stepsWords(steps: readonly PlannedStep[]): string {
  return steps.map((s, i) => (i === steps.length - 1 ? `${s.percent}%` : `${s.percent}% for ${minutesWords(s.pause_minutes)}`)).join(' → ');
}

/** 5 → "5 min", 0.5 → "30 s", 90 → "1 h 30 min". */
export const minutesWords = (minutes: number): string => pauseWords(Math.round(minutes * 60));

/** 300 → "5 min", 45 → "45 s", 5400 → "1 h 30 min". */
export function pauseWords(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m < 60) return s ? `${m} min ${s} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
