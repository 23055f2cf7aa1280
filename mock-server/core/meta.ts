/**
 * The platform's own part, which every mock has whatever domains it lists:
 * its OpenAPI document, the test support routes (a reset to a seed, the
 * clock) and the `Idempotency-Key` records. Mounted after the domains.
 */
import * as z from 'zod/mini';
import { LATEST } from './clock';
import { defineDomain } from './domain';
import { issue, validationError } from './errors';
import { IDEMPOTENCY_COLLECTION } from './idempotency';
import { domainApi, get, post } from './operations';
import { noContent, reply } from './replies';

export const ResetRequest = z.strictObject({ seed: z.optional(z.enum(['demo', 'empty'])) });
/** Move the platform's clock forward (clock.ts): by a whole number of milliseconds. */
export const ClockAdvance = z.strictObject({ advance_ms: z.int().check(z.gte(0)) });
/** The platform's clock: what every time-driven behaviour reads as now. */
export const ClockState = z.strictObject({ now: z.iso.datetime() });

/** The mock's own description, and the test support routes. */
const metaApi = domainApi(
  ['meta'],
  [
    get('/openapi.json', 'openapi', "This mock's OpenAPI 3.1 document (an extension: the mock's own description)", {
      auth: 'none',
      responses: { 200: { description: 'OpenAPI 3.1 document' } },
      handler: ({ var: { platform } }) => ({ status: 200, body: platform.openapi() }),
    }),
    post(
      '/__test__/reset',
      'testReset',
      'Reset the mock to a seed (test support: only with MOCK_TEST_ROUTES=1, never cross-origin; no auth)',
      {
        tags: ['test'],
        auth: 'none',
        body: ResetRequest,
        bodyOptional: true,
        testSupport: true,
        responses: { 204: { description: 'Reset' }, 422: { description: 'Validation error' } },
        handler: ({ var: { platform, body } }) => {
          platform.reset(body.seed);
          return noContent();
        },
      },
    ),
    get(
      '/__test__/clock',
      'testClock',
      "The platform's clock: what deploys, jobs, tokens and every other time-driven behaviour read as now (test support: only with MOCK_TEST_ROUTES=1, never cross-origin; no auth)",
      {
        tags: ['test'],
        auth: 'none',
        testSupport: true,
        responses: { 200: { description: 'Now, on the platform clock', schema: ClockState } },
        handler: ({ var: { platform } }) => reply(200, ClockState, { now: platform.clock.iso() }),
      },
    ),
    post(
      '/__test__/clock',
      'advanceTestClock',
      "Move the platform's clock forward by `advance_ms` (a whole number ≥ 0): deploy phases, drains, jobs, agent instances, token expiry and sign-in windows move on with it, with no real waiting; it never goes back, not even on a reset (test support: only with MOCK_TEST_ROUTES=1, never cross-origin; no auth)",
      {
        tags: ['test'],
        auth: 'none',
        body: ClockAdvance,
        testSupport: true,
        responses: {
          200: { description: 'Now, after the move', schema: ClockState },
          422: { description: 'Validation error (not a whole number ≥ 0, or past 9999-12-31)' },
        },
        handler: ({ var: { platform, body } }) => {
          if (!platform.clock.canAdvance(body.advance_ms))
            throw validationError([
              issue(['body', 'advance_ms'], `The clock cannot move past ${new Date(LATEST).toISOString()}`, 'value_error'),
            ]);
          platform.clock.advance(body.advance_ms);
          return reply(200, ClockState, { now: platform.clock.iso() });
        },
      },
    ),
  ],
);

export const platformDomain = defineDomain({
  name: 'platform',
  apis: [metaApi],
  collections: { idempotency: IDEMPOTENCY_COLLECTION },
  openapi: { schemas: [{ ResetRequest, ClockAdvance, ClockState }] },
});
