import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { APIRequestContext, Page } from '@playwright/test';
import type { JsonSchema } from '../src/contract/json-schema';
import { PHASE_MS } from './support/clock';
import { workspaceUrl } from './support/console';
import { expect, openTab, test } from './support/fixtures';
import { platformAs, RESEARCH, unique } from './support/platform';

const run = promisify(execFile);
/** A job is queued for a quarter of its run (mock-server/jobs/rules.ts), which lasts a phase. */
const JOB_QUEUED_MS = PHASE_MS / 4;

const textSchema: JsonSchema = {
  type: 'object',
  properties: { text: { type: 'string', example: 'Hello from the Test tab' } },
  required: ['text'],
};
const summarySchema: JsonSchema = { type: 'object', properties: { summary: { type: 'string' }, words: { type: 'integer' } } };
const documentSchema: JsonSchema = {
  type: 'object',
  properties: { document_id: { type: 'string' }, limit: { type: 'integer', minimum: 1 } },
  required: ['document_id'],
};

/**
 * A service with v1 published at 100%, then v2 at 50%: both serve, each with
 * POST /summarize and GET /documents/{document_id}. In the Research workspace,
 * where the Test tab's URLs name another workspace than the default one.
 */
async function callableService(request: APIRequestContext) {
  const api = await platformAs(request, 'developer', RESEARCH);
  const service = await api.createInvocationService(unique('Callable'));
  await api.addEndpoint(service.id, {
    method: 'POST',
    path: '/summarize',
    summary: 'Summarize a text',
    request_schema: textSchema,
    response_schema: summarySchema,
  });
  await api.addEndpoint(service.id, {
    method: 'GET',
    path: '/documents/{document_id}',
    summary: 'Read a document',
    request_schema: documentSchema,
    response_schema: summarySchema,
  });
  const [v1] = await api.versions(service.id);
  expect((await api.publish(service.id, v1!.id, 100)).status()).toBe(200);
  const v2 = await api.createVersion(service.id);
  expect((await api.publish(service.id, v2.id, 50)).status()).toBe(200);
  return { api, service, mint: () => api.mint(service.id), unpublished: () => api.createInvocationService(unique('Unpublished')) };
}

const serviceUrl = (service: { id: string }, tab?: string) => `${workspaceUrl('services', RESEARCH)}/${service.id}${tab ? `/${tab}` : ''}`;

const body = (page: Page) => page.getByRole('textbox', { name: 'Request body' });
const response = (page: Page) => page.getByRole('region', { name: 'Response' });

test.describe('the Test tab', () => {
  test(
    'sends a request and reads the answer, pins a version, and copies it as a curl command that runs',
    { tag: '@phone' },
    async ({ asDeveloper: page, request }) => {
      const { service } = await callableService(request);
      await page.goto(serviceUrl(service));
      await openTab(page, 'Test');
      await page.getByLabel('Endpoint').selectOption('POST /summarize');

      // The body is prefilled from the request schema's example.
      await expect(body(page)).toContainText('Hello from the Test tab');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(response(page)).toContainText('200 OK');
      await expect(response(page)).toContainText(/Served by v[12]/);
      await expect(response(page).getByLabel('Response body')).toContainText('"summary"');
      // The answer is brought into view where it lands (below the form on a phone).
      await expect(response(page).getByLabel('Response body')).toBeInViewport();
      await response(page)
        .getByText(/Response headers/)
        .click();
      await expect(response(page)).toContainText('x-request-id');

      // Pinned to v1, the URL names it and v1 answers.
      await page.getByLabel('Version').selectOption({ label: 'v1 only (draining, 50%)' });
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(response(page)).toContainText('Served by v1');

      // Path and query parameters as fields, on a GET.
      await page.getByLabel('Endpoint').selectOption('GET /documents/{document_id}');
      await page.getByRole('textbox', { name: 'document_id' }).fill('doc 42');
      await page.getByRole('textbox', { name: 'limit' }).fill('3');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(response(page)).toContainText('200 OK');

      // The curl command, run with a token, gets the same answer.
      await page.getByLabel('Endpoint').selectOption('POST /summarize');
      const curl = await page.getByLabel('curl code').textContent();
      // Still pinned to v1.
      expect(curl).toContain(`/services/${service.id}/v1/summarize`);
      expect(curl).toContain('$FLOW_TOKEN');
      const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('hs.session')!) as { accessToken: string }).accessToken);
      const { stdout } = await run('bash', ['-c', `${curl!.trim()} -w '\\n%{http_code}'`], { env: { ...process.env, FLOW_TOKEN: token } });
      expect(stdout.trim().split('\n').at(-1)).toBe('200');
      expect(stdout).toContain('"summary"');

      // Python with CLIClient, as seed 004 writes it; TypeScript with v1's stub.
      await page.getByRole('radio', { name: 'Python' }).check();
      await expect(page.getByLabel('Python code')).toContainText('client.invoke_service(');
      await expect(page.getByLabel('Python code')).toContainText('version=1,');
      await page.getByRole('radio', { name: 'TypeScript' }).check();
      await expect(page.getByLabel('TypeScript code')).toContainText('pinVersion: true');
      await expect(page.getByLabel('TypeScript code')).toContainText('await client.postSummarize({');
    },
  );

  test('flags a body that breaks the schema, and shows the gateway’s 422 readably when sent anyway', async ({
    asDeveloper: page,
    request,
  }) => {
    const { service } = await callableService(request);
    await page.goto(serviceUrl(service, 'test'));
    await page.getByLabel('Endpoint').selectOption('POST /summarize');
    await body(page).fill('{"text": 5}');
    await expect(page.getByText('Does not match the request schema: text: Should be a string, not an integer')).toBeVisible();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(response(page)).toContainText('422');
    await expect(response(page).getByRole('alert')).toContainText("The request does not match the endpoint's request schema.");
    await expect(response(page).getByRole('alert')).toContainText('text: Input should be a valid string');
  });

  test('a pasted service token is used for one call and kept nowhere; a saved request comes back after a reload', async ({
    asDeveloper: page,
    request,
  }) => {
    const { service, mint } = await callableService(request);
    const { token } = await mint();
    await page.goto(serviceUrl(service, 'test'));
    await page.getByLabel('Endpoint').selectOption('POST /summarize');

    await body(page).fill('{"text": "saved for later"}');
    await page.getByLabel('Request name').fill('Later');
    await page.getByRole('button', { name: 'Save request' }).click();

    await page.getByLabel('A service token, for the next call only').check();
    await page.getByRole('textbox', { name: 'Service token' }).fill(token);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(response(page)).toContainText('200 OK');
    await expect(page.getByRole('textbox', { name: 'Service token' })).toHaveValue('');

    await page.reload();
    await page.getByLabel('Endpoint').selectOption('POST /summarize');
    await body(page).fill('{"text": "something else"}');
    await page.getByRole('button', { name: 'Use saved request Later' }).click();
    await expect(body(page)).toContainText('saved for later');

    // Afterwards the token is in no storage, URL or page.
    const kept = await page.evaluate(() =>
      JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        url: location.href,
        html: document.documentElement.outerHTML,
      }),
    );
    expect(kept).not.toContain(token);
    expect(kept).toContain('saved for later');

    await page.getByRole('button', { name: 'Delete saved request Later' }).click();
    await expect(page.getByRole('button', { name: 'Use saved request Later' })).toHaveCount(0);
  });

  test('runs a call as a job and watches it succeed; another fails; a third is cancelled while it runs', async ({
    asDeveloper: page,
    request,
  }) => {
    const { api, service } = await callableService(request);
    await page.goto(serviceUrl(service, 'test'));
    await page.getByLabel('Endpoint').selectOption('POST /summarize');

    // A job is queued for a quarter of its run, then runs: each state stays until the platform's clock moves on.
    await page.getByRole('button', { name: 'Run as job' }).click();
    await expect(response(page)).toContainText('Job accepted (202');
    const card = page.getByRole('region', { name: /^Job / });
    await expect(card.getByRole('status', { name: 'Job status: queued' })).toBeVisible();
    await api.advance(JOB_QUEUED_MS);
    await expect(card.getByRole('status', { name: 'Job status: running' })).toBeVisible();
    await api.advance(PHASE_MS);
    await expect(card.getByRole('status', { name: 'Job status: succeeded' })).toBeVisible();
    await expect(card.getByLabel('Job result')).toContainText('"summary"');
    // How long it waited and ran, which its times (to the minute) do not tell.
    await expect(card).toContainText(/Queued for\s*15 min/);
    await expect(card).toContainText(/Ran for\s*1 h(?! \d)/);

    await body(page).fill('{"text": "fail: out of memory"}');
    await page.getByRole('button', { name: 'Run as job' }).click();
    await expect(card.getByRole('status', { name: 'Job status: queued' })).toBeVisible();
    await api.advance(JOB_QUEUED_MS + PHASE_MS);
    await expect(card.getByRole('alert')).toContainText('The job failed: out of memory');

    await body(page).fill('{"text": "cancel me"}');
    await page.getByRole('button', { name: 'Run as job' }).click();
    await expect(card.getByRole('status', { name: 'Job status: queued' })).toBeVisible();
    await api.advance(JOB_QUEUED_MS);
    await expect(card.getByRole('status', { name: 'Job status: running' })).toBeVisible();
    await card.getByRole('button', { name: 'Cancel job' }).click();
    await expect(card.getByRole('status', { name: 'Job status: cancelled' })).toBeVisible();

    // The Jobs panel lists all three from one batch call, and looks one up by id.
    const jobs = page.getByRole('list', { name: 'Recent jobs' });
    await expect(jobs.getByRole('listitem')).toHaveCount(3);
    await expect(jobs).toContainText('succeeded');
    await expect(jobs).toContainText('failed');
    await expect(jobs).toContainText('cancelled');
    await page.getByRole('button', { name: 'Close the job' }).click();
    await page.getByLabel('Job ID').fill('no-such-job');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByText('No job with ID no-such-job was found for this service.')).toBeVisible();
  });

  test('the overview shows the gateway URLs by split and pinned; a service never published has no Test tab, and its link says why', async ({
    asDeveloper: page,
    request,
  }) => {
    const { service, unpublished } = await callableService(request);
    await page.goto(serviceUrl(service));
    const urls = page.getByRole('region', { name: 'Gateway URLs' });
    await expect(urls).toContainText(`/api/v1/orgs/`);
    await expect(urls.getByText(new RegExp(`/services/${service.id}/\\{path\\}$`))).toBeVisible();
    await expect(urls.getByText(new RegExp(`/services/${service.id}/v1/\\{path\\}$`))).toBeVisible();
    await expect(urls.getByText(new RegExp(`/services/${service.id}/v2/\\{path\\}$`))).toBeVisible();
    await expect(urls.getByRole('button', { name: 'Copy the v2 URL' })).toBeVisible();

    const draftOnly = await unpublished();
    await page.goto(serviceUrl(draftOnly));
    await expect(page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Test' })).toHaveCount(0);
    await page.goto(serviceUrl(draftOnly, 'test'));
    await expect(page.getByText('Publish a version first: the gateway calls a service’s published versions.')).toBeVisible();
  });
});
