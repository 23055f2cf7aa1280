/**
 * Async jobs (CONTRACT §7, seed 001): submit through the gateway's async path,
 * poll one, check a batch, cancel one. Rules and states in rules.ts.
 *
 * Who may (gateway/caller.ts): the caller's own access token or a service
 * token minted for the service. Submitting and cancelling are writes (admins,
 * developers, service tokens; a viewer gets 403, as for a POST through the
 * sync gateway); reading a job or a batch is open to every role.
 *
 * Mounted before the sync gateway, so that `POST …/services/{id}/async/…`
 * reaches the submit and not an endpoint named `async`.
 */
import type { MiddlewareHandler } from 'hono';
import { InvokeBody, Job, JobBatchRequest, JobBatchResponse } from '../../src/contract/invoke';
import { paths } from '../../src/contract/paths';
import type { MockEnv } from '../core/context';
import { notFound } from '../core/errors';
import { apiPath, domainApi, get, post } from '../core/operations';
import { servicePath } from '../services/paths';
import { reply } from '../core/replies';
import type { Store } from '../core/store';
import { GATEWAY_BODY_LIMIT, gatewayCaller, writers } from '../gateway/caller';
import { askedReply, delayAsAsked, readKnobs } from '../gateway/knobs';
import { calledPath, pathSegments, prepareCall } from '../gateway/rules';
import { nameCall, noteEndpoint, noteJob, recordCall } from '../requests/recorder';
import { cancelJob, jobAt, planJob, sweepJobs } from './rules';

const SUBMIT = apiPath('/orgs/:org_id/services/:service_id/async/:path{.+}', paths.gatewayAsync(':org_id', ':service_id', ':path{.+}'));
/** Segments before `{path}` in `/api/v1/orgs/{org}/services/{service}/async/…`. */
const SUBMIT_PREFIX_SEGMENTS = 8;
const JOB = servicePath('/jobs/:job_id', (s, id) => paths.job(s, id, ':job_id'));
const BATCH = servicePath('/jobs/batch', paths.jobsBatch);
const CANCEL = servicePath('/jobs/:job_id/cancel', (s, id) => paths.cancelJob(s, id, ':job_id'));

function jobIn(store: Store, serviceId: string, jobId: string | undefined) {
  const j = jobId === undefined ? undefined : store.jobs.get(jobId);
  if (!j || j.service_id !== serviceId) throw notFound('Job');
  return j;
}

/** An unknown job is a 404 before any 403, as an unknown thing in a path is everywhere. */
const knownJob: MiddlewareHandler<MockEnv> = async (c, next) => {
  jobIn(c.var.store, c.var.service!.id, c.req.param('job_id'));
  await next();
};

const AUTH_ERRORS = {
  401: { description: 'No token, or it is invalid, expired or revoked' },
  403: { description: 'A service token minted for another service, or a viewer' },
};

export const jobsApi = domainApi(
  ['jobs'],
  [
    post(
      SUBMIT,
      'submitJob',
      "Submit an async job: the request is checked as a sync call to `POST {path}` is (version pinned with `async/v{N}/{path}`, else picked by the traffic split; the body against the endpoint's request schema), then runs as a job. A string in the body starting with `fail:` makes the job fail with the rest as its error.",
      {
        auth: 'gateway',
        // A submit is a call to the service: recorded (async, with its job), and the knobs apply.
        around: [recordCall({ async: true, calledPath: (path) => calledPath(path, SUBMIT_PREFIX_SEGMENTS) })],
        before: [gatewayCaller, writers('submit jobs')],
        // The gateway's body: read as every operation's is, within the gateway's limit, before the idempotency check compares it.
        body: InvokeBody,
        bodyOptional: true,
        bodyLimit: GATEWAY_BODY_LIMIT,
        idempotent: true,
        responses: {
          202: {
            description: 'The job, queued; `Location` is where to poll it, `X-Service-Version` the version that runs it',
            schema: Job,
          },
          ...AUTH_ERRORS,
          404: { description: "No such service (or not your organization's), version or endpoint" },
          405: { description: 'The path exists with other methods than POST (see Allow)' },
          409: { description: 'The service has no published version' },
          413: { description: 'The body is larger than the gateway reads (64 KiB), or too costly to check against the schema in time' },
          422: { description: "The body does not match the endpoint's request schema, is not JSON or is nested more than 64 deep" },
        },
        handler: async (c) => {
          const {
            var: { store, platform, service, caller, body },
            req,
          } = c;
          const knobs = readKnobs(c, platform);
          const call = await prepareCall(store, service, {
            method: 'POST',
            segments: pathSegments(req.path, SUBMIT_PREFIX_SEGMENTS),
            query: req.queries(),
            body,
            onMatch: (endpoint) => noteEndpoint(c, endpoint.path),
          });
          await delayAsAsked(knobs, platform);
          if (knobs.status !== undefined) return askedReply(knobs.status, call.version.version);
          const now = store.clock.now();
          sweepJobs(store, now);
          const job = store.jobs.put(
            planJob({
              service,
              version: call.version,
              endpoint: call.endpoint,
              path: call.path,
              body: call.input,
              runMs: platform.settings.jobRunMs,
              submittedBy: caller.kind === 'user' ? caller.principal.user.id : `service-token:${caller.jti}`,
              now,
            }),
          );
          noteJob(c, job.id);
          const base = req.path.slice(0, req.path.indexOf('/orgs/'));
          const location = `${base}${paths.job({ orgId: service.org_id, workspaceId: service.workspace_id }, service.id, job.id)}`;
          return reply(202, Job, jobAt(job, now), { Location: location, 'X-Service-Version': String(call.version.version) });
        },
      },
    ),
    get(JOB, 'getJob', "Poll a job's status (every role; a service token of the service)", {
      auth: 'gateway',
      around: [nameCall],
      before: [gatewayCaller],
      responses: {
        200: { description: 'The job', schema: Job },
        401: AUTH_ERRORS[401],
        403: { description: 'A service token minted for another service' },
        404: { description: 'No such service or job' },
      },
      handler: ({ var: { store, service }, req }) =>
        reply(200, Job, jobAt(jobIn(store, service.id, req.param('job_id')), store.clock.now())),
    }),
    post(
      BATCH,
      'getJobsBatch',
      'Batch status check: one entry per distinct id, in the order asked; an unknown id has `job: null` and a `detail` (every role)',
      {
        auth: 'gateway',
        around: [nameCall],
        before: [gatewayCaller],
        body: JobBatchRequest,
        responses: {
          200: { description: 'The jobs', schema: JobBatchResponse },
          401: AUTH_ERRORS[401],
          403: { description: 'A service token minted for another service' },
          404: { description: 'No such service' },
          422: { description: `Validation error (more than 100 ids, not a list of strings)` },
        },
        handler: ({ var: { store, service, body } }) => {
          const now = store.clock.now();
          const jobs = [...new Set(body.job_ids)].map((id) => {
            const j = store.jobs.get(id);
            return j && j.service_id === service.id
              ? { job_id: id, job: jobAt(j, now), detail: null }
              : { job_id: id, job: null, detail: 'Job not found' };
          });
          return reply(200, JobBatchResponse, { jobs });
        },
      },
    ),
    post(CANCEL, 'cancelJob', 'Cancel a queued or running job (admins, developers, a service token of the service)', {
      auth: 'gateway',
      around: [nameCall],
      before: [gatewayCaller, knownJob, writers('cancel jobs')],
      responses: {
        200: { description: 'The job, cancelled', schema: Job },
        ...AUTH_ERRORS,
        404: { description: 'No such service or job' },
        409: { description: 'The job has finished (succeeded, failed or cancelled)' },
      },
      handler: ({ var: { store, service }, req }) => reply(200, Job, cancelJob(store, jobIn(store, service.id, req.param('job_id')))),
    }),
  ],
);
