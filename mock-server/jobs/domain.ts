/**
 * Async jobs (CONTRACT §7, seed 001): submitted through the gateway's async
 * path, planned in full and read against the clock (rules.ts). List it before
 * the gateway: `POST …/services/{id}/async/…` is a submit, not a call.
 */
import * as invoke from '../../src/contract/invoke';
import { defineDomain } from '../core/domain';
import { perService } from '../services/collections';
import { PATH_PARAM } from '../gateway/routes';
import type { JobRecord } from './records';
import { jobsApi } from './routes';
import { DEFAULT_JOB_RUN_MS } from './rules';

declare module '../core/store' {
  interface Collections {
    /** Per service, oldest first. */
    jobs: Collection<JobRecord, 'service'>;
  }
}
declare module '../core/context' {
  interface Settings {
    /** How long an async job runs (it is queued for a quarter of that first), ms (default 3000; `MOCK_JOB_RUN_MS`). */
    jobRunMs: number;
  }
}

export const jobsDomain = defineDomain({
  name: 'jobs',
  apis: [jobsApi],
  collections: {
    jobs: perService('jobs', (j) => j.id),
  },
  settings: { jobRunMs: DEFAULT_JOB_RUN_MS },
  openapi: {
    schemas: [invoke],
    params: {
      path: PATH_PARAM,
      job_id: { schema: { type: 'string', format: 'uuid' }, description: 'Job id (an unknown one, or another service’s, is a 404)' },
    },
  },
});
