import * as z from 'zod/mini';
import { DEFAULT_PLAN, RolloutPlan, type RolloutPlanValues } from '@/data/rollouts/rollout-plan';

const TRAFFIC_ERROR = 'Traffic must be a whole number from 1 to 100.';
const TrafficPercent = z
  .number({ error: TRAFFIC_ERROR })
  .check(z.int({ error: TRAFFIC_ERROR }), z.gte(1, { error: TRAFFIC_ERROR }), z.lte(100, { error: TRAFFIC_ERROR }));
const Understood = z.literal(true, { error: 'Confirm that publishing is irreversible' });

/** How the new version takes its traffic: all of its share at once, or in steps the platform checks (a rollout, our extension). */
export type PublishHow = 'percent' | 'gradual';

export type PublishValues = {
  how: PublishHow;
  /** The share it takes at once (`how: percent`). */
  traffic_percent: number;
  /** The steps and limits (`how: gradual`): it is published at the first step's percent. */
  rollout: RolloutPlanValues;
  /** The user's word that publishing cannot be undone. */
  understood: boolean;
};

export const publishDefaults = (): PublishValues => ({
  how: 'percent',
  traffic_percent: 100,
  rollout: { ...DEFAULT_PLAN, steps: DEFAULT_PLAN.steps.map((s) => ({ ...s })) },
  understood: false,
});

/** Re-emit a part's issues under `prefix`, so each lands on its field. */
function addIssues(ctx: z.core.$RefinementCtx<PublishValues>, prefix: PropertyKey[], issues: readonly z.core.$ZodIssue[]) {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: [...prefix, ...issue.path], message: issue.message, input: undefined });
}

/**
 * What the dialog checks before sending: the percentage when publishing at
 * once, the rollout plan (the contract's rules: rollout-plan.ts) when rolling
 * out — never the part the user is not using — and the acknowledgement.
 */
export const PublishForm = z.custom<PublishValues>().check(
  z.superRefine((values, ctx) => {
    const part =
      values.how === 'gradual'
        ? { prefix: ['rollout'], result: RolloutPlan.safeParse(values.rollout) }
        : { prefix: ['traffic_percent'], result: TrafficPercent.safeParse(values.traffic_percent) };
    if (!part.result.success) addIssues(ctx, part.prefix, part.result.error.issues);
    const understood = Understood.safeParse(values.understood);
    if (!understood.success) addIssues(ctx, ['understood'], understood.error.issues);
  }),
);
