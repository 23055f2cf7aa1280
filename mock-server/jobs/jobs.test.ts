// @vitest-environment node
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Job, JobBatchResponse, readJob, readJobBatch } from '../../src/contract/invoke';
import { demoId } from '../core/seed-ids';
import { API, bodyOf, gatewayPath as gw, mint, ORG, SERVICES, setup, tempDirPerTest } from '../test-helpers';

const SENTIMENT = demoId(1005);
const INVOICE = demoId(1001);
const RUN_MS = 1000;
const QUEUE_MS = RUN_MS / 4;

const submitPath = (serviceId: string, path: string) => gw(serviceId, `async/${path}`);
const jobsOf = (serviceId: string) => `${SERVICES}/${serviceId}/jobs`;

const dir = tempDirPerTest('mock-jobs-');
afterEach(() => vi.restoreAllMocks());

/** A clock the test moves (the mock reads Date.now). */
function clock(start = Date.now()) {
  let now = start;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  return {
    get now() {
      return now;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function platform(options: Parameters<typeof setup>[0] = {}) {
  const t = setup({ jobRunMs: RUN_MS, ...options });
  const submit = async (token: string, body: unknown, path = 'analyze', serviceId = SENTIMENT, headers: Record<string, string> = {}) =>
    t.call('POST', submitPath(serviceId, path), { token, body, headers });
  return { ...t, submit };
}

describe('async jobs', () => {
  it('submit: 202 with Location; queued → running → succeeded with an example of the response schema', async () => {
    const t = platform();
    const c = clock();
    const token = await t.login('developer');
    const res = await t.submit(token, { text: 'Great product' });
    const job = bodyOf(res, 202, Job);
    expect(job).toMatchObject({
      job_id: job.id,
      status: 'queued',
      started_at: null,
      finished_at: null,
      result: null,
      error: null,
      service_id: SENTIMENT,
      version: 2,
      method: 'POST',
      path: '/analyze',
    });
    expect(job.submitted_at).toBe(new Date(c.now).toISOString());
    expect(res.headers.get('location')).toBe(`${jobsOf(SENTIMENT)}/${job.id}`);
    expect(res.headers.get('x-service-version')).toBe('2');

    const poll = async () => Job.parse((await t.call('GET', res.headers.get('location')!, { token })).body);
    c.advance(QUEUE_MS - 1);
    expect((await poll()).status).toBe('queued');
    c.advance(1);
    expect(await poll()).toMatchObject({ status: 'running', started_at: new Date(c.now).toISOString(), finished_at: null, result: null });
    c.advance(RUN_MS - 1);
    expect((await poll()).status).toBe('running');
    c.advance(1);
    expect(await poll()).toMatchObject({
      status: 'succeeded',
      finished_at: new Date(c.now).toISOString(),
      result: { sentiment: 'positive', confidence: 0.92 },
      error: null,
    });
  });

  it('pins a version with async/v{N}/…; the sync rules apply: unknown version, endpoint or method, no published version', async () => {
    const t = platform();
    const token = await t.login('developer');
    const pinned = await t.submit(token, { input: 'x' }, 'v2/process');
    expect(pinned.status).toBe(202);
    expect(pinned.body).toMatchObject({ version: 2, path: '/process' });
    expect(await t.submit(token, { input: 'x' }, 'v1/process')).toMatchObject({ status: 404, body: { detail: 'Version 1 is archived' } });
    expect(await t.submit(token, { input: 'x' }, 'v9/process')).toMatchObject({ status: 404, body: { detail: 'Version 9 not found' } });
    expect(await t.submit(token, {}, 'nope')).toMatchObject({ status: 404, body: { detail: 'No endpoint POST /nope in version 2' } });
    const getOnly = await t.submit(token, {}, 'status');
    expect(getOnly).toMatchObject({ status: 405, body: { detail: 'Method Not Allowed: /status accepts GET in version 2' } });
    expect(getOnly.headers.get('allow')).toBe('GET');
    expect(await t.submit(token, {}, 'anything', demoId(1011))).toMatchObject({
      status: 409,
      body: { detail: 'This service has no published version' },
    });
    expect((await t.submit(token, {}, 'analyze', demoId(9999))).status).toBe(404);
  });

  it('a bad body is refused as a sync call is (422), and no job is made', async () => {
    const t = platform();
    const token = await t.login('developer');
    const before = t.platform.store.jobs.size;
    expect((await t.submit(token, { text: 5 })).body.detail).toEqual([
      { loc: ['body', 'text'], msg: 'Input should be a valid string', type: 'string_type' },
    ]);
    expect((await t.submit(token, {})).body.detail).toEqual([{ loc: ['body', 'text'], msg: 'Field required', type: 'missing' }]);
    expect((await t.submit(token, [])).body.detail[0]).toMatchObject({ loc: ['body'], type: 'dict_type' });
    const broken = await t.call('POST', submitPath(SENTIMENT, 'analyze'), { token, raw: '{"text": "secret-value' });
    expect(broken.status).toBe(422);
    expect(broken.body.detail[0]).toMatchObject({ loc: ['body'], type: 'json_invalid' });
    expect(JSON.stringify(broken.body)).not.toContain('secret-value');
    expect(t.platform.store.jobs.size).toBe(before);
  });

  it('fails on purpose: a string starting with "fail:" makes the job fail with the rest as its error', async () => {
    const t = platform();
    const c = clock();
    const token = await t.login('developer');
    const job = Job.parse((await t.submit(token, { input: 'fail: out of memory' }, 'process')).body);
    c.advance(QUEUE_MS + RUN_MS);
    const done = Job.parse((await t.call('GET', `${jobsOf(SENTIMENT)}/${job.id}`, { token })).body);
    expect(done).toMatchObject({ status: 'failed', result: null, error: 'out of memory' });
    expect(done.finished_at).not.toBeNull();
  });

  it('cancel: a queued or running job is cancelled; a finished one is a 409; an unknown one a 404', async () => {
    const t = platform();
    const c = clock();
    const token = await t.login('developer');
    const queued = Job.parse((await t.submit(token, { text: 'a' })).body);
    const running = Job.parse((await t.submit(token, { text: 'b' })).body);
    const done = Job.parse((await t.submit(token, { text: 'c' })).body);

    const cancel = (id: string, serviceId = SENTIMENT) => t.call('POST', `${jobsOf(serviceId)}/${id}/cancel`, { token });
    const first = await cancel(queued.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'cancelled',
      started_at: null,
      finished_at: new Date(c.now).toISOString(),
      result: null,
      error: null,
    });

    c.advance(QUEUE_MS + 10);
    const second = await cancel(running.id);
    expect(second.body).toMatchObject({
      status: 'cancelled',
      started_at: new Date(c.now - 10).toISOString(),
      finished_at: new Date(c.now).toISOString(),
    });

    c.advance(RUN_MS);
    expect(await cancel(done.id)).toMatchObject({
      status: 409,
      body: { detail: 'This job has already succeeded; only a queued or running job can be cancelled' },
    });
    expect(await cancel(queued.id)).toMatchObject({
      status: 409,
      body: { detail: 'This job has already been cancelled; only a queued or running job can be cancelled' },
    });
    // a cancelled job stays cancelled, whatever its plan said
    expect((await t.call('GET', `${jobsOf(SENTIMENT)}/${running.id}`, { token })).body).toMatchObject({
      status: 'cancelled',
      result: null,
    });

    expect(await cancel(demoId(9999))).toMatchObject({ status: 404, body: { detail: 'Job not found' } });
    expect(await cancel('not-a-uuid')).toMatchObject({ status: 404, body: { detail: 'Job not found' } });
    // another service's job is not found there
    expect((await cancel(done.id, INVOICE)).status).toBe(404);
    expect((await t.call('GET', `${jobsOf(INVOICE)}/${done.id}`, { token })).status).toBe(404);
    expect((await t.call('GET', `${jobsOf(SENTIMENT)}/${demoId(9999)}`, { token })).body).toEqual({ detail: 'Job not found' });
  });

  it('batch: one entry per distinct id, in order; unknown ids say so; at most 100 ids; bad bodies are 422', async () => {
    const t = platform();
    const token = await t.login('developer');
    const a = Job.parse((await t.submit(token, { text: 'a' })).body);
    const b = Job.parse((await t.submit(token, { input: 'b' }, 'process')).body);
    const elsewhere = Job.parse((await t.submit(token, { document_url: 'https://example.com/x.pdf' }, 'extract', INVOICE)).body);
    const batch = (body: unknown) => t.call('POST', `${jobsOf(SENTIMENT)}/batch`, { token, body });

    const res = await batch({ job_ids: [b.id, 'nope', a.id, b.id, elsewhere.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { jobs } = JobBatchResponse.parse(res.body);
    expect(jobs.map((e) => [e.job_id, e.job?.id ?? null, e.detail])).toEqual([
      [b.id, b.id, null],
      ['nope', null, 'Job not found'],
      [a.id, a.id, null],
      [elsewhere.id, null, 'Job not found'],
    ]);
    expect(jobs[0]!.job).toMatchObject({ status: 'queued', path: '/process' });
    expect((await batch({ job_ids: [] })).body).toEqual({ jobs: [] });

    const hundred = Array.from({ length: 100 }, (_, i) => demoId(50_000 + i));
    expect((await batch({ job_ids: hundred })).body.jobs).toHaveLength(100);
    const over = await batch({ job_ids: [...hundred, a.id] });
    expect(over.status).toBe(422);
    expect(over.body.detail).toEqual([{ loc: ['body', 'job_ids'], msg: 'At most 100 job ids at a time', type: 'too_long' }]);
    for (const [body, loc] of [
      [{}, ['body', 'job_ids']],
      [{ job_ids: 'a' }, ['body', 'job_ids']],
      [{ job_ids: [1] }, ['body', 'job_ids', 0]],
      [{ job_ids: [''] }, ['body', 'job_ids', 0]],
      [{ job_ids: [], extra: 1 }, ['body', 'extra']],
    ] as const) {
      const bad = await batch(body);
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(bad.body.detail.map((d: { loc: unknown }) => d.loc)).toContainEqual(loc);
    }
    expect((await t.call('POST', `${jobsOf(SENTIMENT)}/batch`, { token, raw: '{"job_ids": [' })).status).toBe(422);
  });

  it('roles: viewers read jobs but neither submit nor cancel; a service token works on its own service only', async () => {
    const t = platform();
    const dev = await t.login('developer');
    const viewer = await t.login('viewer');
    const job = Job.parse((await t.submit(dev, { text: 'a' })).body);

    expect(await t.submit(viewer, { text: 'a' })).toMatchObject({
      status: 403,
      body: { detail: 'Your role (viewer) cannot submit jobs; viewers may only read' },
    });
    expect((await t.call('GET', `${jobsOf(SENTIMENT)}/${job.id}`, { token: viewer })).status).toBe(200);
    expect((await t.call('POST', `${jobsOf(SENTIMENT)}/batch`, { token: viewer, body: { job_ids: [job.id] } })).status).toBe(200);
    expect(await t.call('POST', `${jobsOf(SENTIMENT)}/${job.id}/cancel`, { token: viewer })).toMatchObject({
      status: 403,
      body: { detail: 'Your role (viewer) cannot cancel jobs; viewers may only read' },
    });
    // what does not exist is a 404 before the role is considered
    expect((await t.call('POST', `${jobsOf(SENTIMENT)}/${demoId(9999)}/cancel`, { token: viewer })).status).toBe(404);
    for (const role of ['admin', 'developer'] as const) expect((await t.submit(await t.login(role), { text: 'a' })).status).toBe(202);

    const own = await mint(t.call, dev, SENTIMENT, {});
    const submitted = await t.submit(own.token, { text: 'from a service token' });
    expect(submitted.status).toBe(202);
    expect((await t.call('GET', submitted.headers.get('location')!, { token: own.token })).status).toBe(200);
    expect((await t.call('POST', `${jobsOf(SENTIMENT)}/batch`, { token: own.token, body: { job_ids: [job.id] } })).status).toBe(200);
    expect((await t.call('POST', `${jobsOf(SENTIMENT)}/${submitted.body.id}/cancel`, { token: own.token })).body.status).toBe('cancelled');
    const other = await mint(t.call, dev, INVOICE, {});
    expect(await t.submit(other.token, { text: 'a' })).toMatchObject({
      status: 403,
      body: { detail: 'This token was minted for another service' },
    });
    expect((await t.call('GET', `${jobsOf(SENTIMENT)}/${job.id}`, { token: other.token })).status).toBe(403);

    expect(await t.submit('', { text: 'a' })).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    expect((await t.call('GET', `${jobsOf(SENTIMENT)}/${job.id}`)).status).toBe(401);
    // the workspace in the path must be the service's
    expect(
      (await t.call('GET', `${API}/orgs/${ORG}/workspaces/${demoId(12)}/hosted-services/${SENTIMENT}/jobs/${job.id}`, { token: dev }))
        .status,
    ).toBe(404);
  });

  it('Idempotency-Key on submit: the same key and body give the same job; another body is a 422', async () => {
    const t = platform();
    const token = await t.login('developer');
    const key = { 'Idempotency-Key': 'submit-1' };
    const first = await t.submit(token, { text: 'a' }, 'analyze', SENTIMENT, key);
    const again = await t.submit(token, { text: 'a' }, 'analyze', SENTIMENT, key);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await t.submit(token, { text: 'b' }, 'analyze', SENTIMENT, key)).toMatchObject({
      status: 422,
      body: { detail: 'Idempotency-Key was already used with a different request body' },
    });
    // 20 at once with one key: one job
    const before = t.platform.store.jobs.size;
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => t.submit(token, { text: 'c' }, 'analyze', SENTIMENT, { 'Idempotency-Key': 'burst' })),
    );
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    expect(t.platform.store.jobs.size).toBe(before + 1);
    // a service token's keys are its own
    const m = await mint(t.call, token, SENTIMENT, {});
    const viaToken = await t.submit(m.token, { text: 'a' }, 'analyze', SENTIMENT, key);
    expect(viaToken.status).toBe(202);
    expect(viaToken.body.id).not.toBe(first.body.id);
  });

  it('survives a restart: a job goes on from its stored times; a cancellation is kept', async () => {
    const dataFile = join(dir(), 'state.sqlite');
    const c = clock();
    const first = platform({ dataFile });
    const token = await first.login('developer');
    const kept = Job.parse((await first.submit(token, { text: 'a' })).body);
    const stopped = Job.parse((await first.submit(token, { text: 'b' })).body);
    await first.call('POST', `${jobsOf(SENTIMENT)}/${stopped.id}/cancel`, { token });
    first.platform.close();

    c.advance(QUEUE_MS + RUN_MS);
    const second = platform({ dataFile });
    const again = await second.login('developer');
    const res = await second.call('POST', `${jobsOf(SENTIMENT)}/batch`, { token: again, body: { job_ids: [kept.id, stopped.id] } });
    expect(res.body.jobs.map((e: { job: { status: string } }) => e.job.status)).toEqual(['succeeded', 'cancelled']);
    expect(res.body.jobs[0].job.result).toEqual({ sentiment: 'positive', confidence: 0.92 });
  });

  it('documented in the OpenAPI; the console reads a platform’s job leniently', async () => {
    const t = platform();
    const doc = (await t.call('GET', `${API}/openapi.json`)).body;
    const submit = doc.paths['/orgs/{org_id}/services/{service_id}/async/{path}'].post;
    expect(submit.responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Job' });
    expect(submit.security).toEqual([{ bearerAuth: [] }, { serviceToken: [] }]);
    expect(submit.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    const base = '/orgs/{org_id}/workspaces/{workspace_id}/hosted-services/{service_id}/jobs';
    expect(Object.keys(doc.paths[`${base}/{job_id}`])).toEqual(['get']);
    expect(Object.keys(doc.paths[`${base}/batch`])).toEqual(['post']);
    expect(Object.keys(doc.paths[`${base}/{job_id}/cancel`])).toEqual(['post']);

    expect(readJob.parse({ job_id: 'j-1', status: 'done', submitted_at: '2025-01-02T03:04:05', error: { message: 'boom' } })).toMatchObject(
      {
        id: 'j-1',
        status: 'done',
        submitted_at: '2025-01-02T03:04:05.000Z',
        started_at: null,
        result: null,
        error: 'boom',
        version: null,
      },
    );
    expect(
      readJobBatch.parse([
        { id: 'j-1', status: 'queued', submitted_at: '2025-01-02T03:04:05Z' },
        { job_id: 'j-2', job: null },
        { job: { status: 1 } },
      ]),
    ).toEqual([
      expect.objectContaining({ job_id: 'j-1', job: expect.objectContaining({ id: 'j-1', status: 'queued' }), detail: null }),
      { job_id: 'j-2', job: null, detail: 'Job not found' },
      { job_id: '', job: null, detail: 'This job could not be read' },
    ]);
  });
});
