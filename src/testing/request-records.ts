import type { RequestRecord } from '@/contract/requests';

const PLAIN_CALL = {
  version: 1,
  method: 'GET',
  path: '/health',
  status: 200,
  duration_ms: 12,
  caller: 'user',
  async: false,
  job_id: null,
} as const satisfies Partial<RequestRecord>;

/** A call the gateway answered, as its request log has it: a plain GET /health by a user, but for what `record` says. */
export const requestRecord = <R extends Partial<RequestRecord>>(record: R) => ({ ...PLAIN_CALL, ...record });
