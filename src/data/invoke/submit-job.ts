import * as z from 'zod/mini';
import { readJob, type JobRead } from '@/contract/invoke';
import { paths } from '@/contract/paths';
import { callGateway, type Credential, type GatewayAnswer } from './call-gateway';
import type { VersionChoice } from './gateway-url';

export type JobSubmit = {
  orgId: string;
  serviceId: string;
  /** The endpoint's path with its parameters filled in, e.g. `/documents/42/translate`. */
  path: string;
  body: unknown;
  version: VersionChoice;
  idempotencyKey: string;
};

/** The platform accepted the job, or its refusal (the gateway's 401/403/404/405/409/422) as an answer to show. */
export type JobSubmitted = { job: JobRead; answer: GatewayAnswer } | { job: null; answer: GatewayAnswer };

/**
 * Submit an async job (seed 001): `POST …/services/{id}/async/{path}` (`async/v{N}/…`
 * pins a version), checked as a sync call is; 202 with the job. One
 * `Idempotency-Key` per submission, so a retry never runs it twice.
 */
export async function submitJob(submit: JobSubmit, credential: Credential, signal?: AbortSignal): Promise<JobSubmitted> {
  const pinned = submit.version.kind === 'pinned' ? submit.version.version : undefined;
  const answer = await callGateway(
    {
      method: 'POST',
      url: paths.gatewayAsync(submit.orgId, submit.serviceId, submit.path, pinned),
      body: submit.body,
      idempotencyKey: submit.idempotencyKey,
    },
    credential,
    signal,
  );
  if (!answer.ok || !answer.json) return { job: null, answer };
  const job = z.safeParse(readJob, answer.json.value);
  return job.success
    ? { job: job.data, answer }
    : { job: null, answer: { ...answer, ok: false, detail: 'The platform accepted the job but its answer could not be read' } };
}
