import { describe, expect, it } from 'vitest';
import { rolloutRefreshMs } from './get-newest-rollout';
import { DEFAULT_PLAN, planBody, planField, presetSteps, RolloutPlan, stepsWords, type RolloutPlanValues } from './rollout-plan';

const plan = (over: Partial<RolloutPlanValues> = {}): RolloutPlanValues => ({ ...DEFAULT_PLAN, ...over });
const issuesOf = (values: RolloutPlanValues) => {
  const result = RolloutPlan.safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('a rollout plan', () => {
  it('becomes the contract’s steps and analysis: pauses in seconds, the error limit as a rate, the last pause 0', () => {
    expect(planBody(plan({ preset: 'linear', steps: presetSteps('linear'), max_error_percent: 7.9, max_p95_ms: 300 }))).toEqual({
      steps: [
        { percent: 25, pause_seconds: 600 },
        { percent: 50, pause_seconds: 600 },
        { percent: 75, pause_seconds: 600 },
        { percent: 100, pause_seconds: 0 },
      ],
      analysis: { max_error_rate: 0.079, max_p95_ms: 300, min_requests: 20 },
    });
    expect(stepsWords(DEFAULT_PLAN.steps)).toBe('10% for 5 min → 100%');
  });

  it('holds with the defaults, and names each broken rule on its field in the unit typed', () => {
    expect(issuesOf(DEFAULT_PLAN)).toEqual([]);
    expect(
      issuesOf(
        plan({
          steps: [
            { percent: 50, pause_minutes: 1441 },
            { percent: 40, pause_minutes: 1 },
            { percent: 90, pause_minutes: Number.NaN },
          ],
          max_error_percent: 120,
          min_requests: 0,
          max_p95_ms: -5,
        }),
      ),
    ).toEqual([
      ['steps.0.pause_minutes', 'A pause is at most 1440 minutes (a day)'],
      ['steps.1.percent', 'Each step’s percent is higher than the one before'],
      ['steps.2.percent', 'The last step is 100%'],
      ['max_error_percent', 'The error limit is from 0% to 100%'],
      ['max_p95_ms', 'The p95 limit is a positive number of milliseconds'],
      ['min_requests', 'At least 1 request'],
    ]);
  });

  it('says an empty field is empty, once, and checks the rest', () => {
    expect(
      issuesOf(
        plan({
          steps: [
            { percent: Number.NaN, pause_minutes: 5 },
            { percent: 100, pause_minutes: 0 },
          ],
          min_requests: Number.NaN,
        }),
      ),
    ).toEqual([
      ['steps.0.percent', 'Enter a percent'],
      ['min_requests', 'Enter a number of requests'],
    ]);
    expect(issuesOf(plan({ steps: [] }))).toEqual([['steps', 'A rollout has at least one step']]);
  });

  it('maps the platform’s fields onto the plan’s', () => {
    expect(planField('steps.2.pause_seconds')).toBe('steps.2.pause_minutes');
    expect(planField('steps.0.percent')).toBe('steps.0.percent');
    expect(planField('analysis.max_error_rate')).toBe('max_error_percent');
    expect(planField('version_id')).toBeNull();
  });
});

describe('following a rollout', () => {
  it('reads it every 2 s while it runs, every 5 s while paused, and no more once finished', () => {
    expect(rolloutRefreshMs({ status: 'running' })).toBe(2000);
    expect(rolloutRefreshMs({ status: 'paused' })).toBe(5000);
    expect(rolloutRefreshMs({ status: 'succeeded' })).toBe(false);
    expect(rolloutRefreshMs({ status: 'aborted' })).toBe(false);
    expect(rolloutRefreshMs(null)).toBe(false);
  });
});
