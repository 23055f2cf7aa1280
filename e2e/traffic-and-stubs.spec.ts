import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { ServiceVersion } from '../src/contract/versions';
import { expect, login, platform, SERVICES_URL, test, unique } from './fixtures';

const textSchema = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] };
const summarySchema = { type: 'object', properties: { summary: { type: 'string' }, words: { type: 'integer' } } };

/**
 * A fresh service mid-canary, arranged through the platform API as the guide
 * describes: v1 published at 100%, then v2 published at 20% (v1 drains at 80%).
 */
async function serviceWithCanary(request: APIRequestContext) {
  const api = platform(request, (await login(request, 'developer')).access_token);
  const { headers, servicesUrl } = api.raw;
  const [ring] = await api.rings();
  const service = await api.createService({ name: unique('Canary'), slug: unique('canary'), execution_mode: 'invocation', ring_id: ring!.id });
  const base = `${servicesUrl}/${service.id}`;
  const versions = async () => ((await (await request.get(`${base}/versions`, { headers })).json()) as { items: ServiceVersion[] }).items;
  const addEndpoint = async (path: string, summary: string) => {
    const res = await request.post(`${base}/endpoints`, { headers, data: { method: 'POST', path, summary, request_schema: textSchema, response_schema: summarySchema } });
    expect(res.status(), await res.text()).toBe(201);
  };
  const publish = async (versionId: string, traffic_percent: number) => {
    const res = await request.post(`${base}/versions/${versionId}/publish`, { headers, data: { traffic_percent } });
    expect(res.status(), await res.text()).toBe(200);
  };

  await addEndpoint('/summarize', 'Summarize a document');
  const [v1] = await versions();
  await publish(v1!.id, 100);
  const created = await request.post(`${base}/versions`, { headers });
  expect(created.status(), await created.text()).toBe(201);
  const v2 = (await created.json()) as ServiceVersion;
  await addEndpoint('/documents/{document_id}/translate', "Translate a document's text");
  await publish(v2.id, 20);
  return { service, versions, v1: v1!, v2 };
}

/** Run a compiler; on failure the test shows what it printed. */
function compile(command: string, args: string[], cwd: string) {
  try {
    execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}

const split = (page: Page) => page.getByRole('img', { name: /^Current traffic split/ });

test.describe('traffic and client stubs', () => {
  test('shows a canary split, edits it to 50/50, then promotes the canary', async ({ asDeveloper: page, request }) => {
    const { service, versions } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Traffic' }).click();
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (draining) 80%, v2 (active) 20%');

    await page.getByRole('button', { name: 'Edit split' }).click();
    const editor = page.getByRole('region', { name: 'Edit split' });
    const save = editor.getByRole('button', { name: 'Save split' });
    await editor.getByRole('spinbutton', { name: /^v1 / }).fill('60');
    await editor.getByRole('spinbutton', { name: /^v2 / }).fill('50');
    await expect(editor.getByRole('status')).toHaveText('Total: 110% · 10% over');
    await expect(save).toBeDisabled();
    await editor.getByRole('spinbutton', { name: /^v1 / }).fill('50');
    await expect(editor.getByRole('status')).toHaveText('Total: 100%');
    await expect(editor.getByRole('img', { name: /^New traffic split/ })).toHaveAccessibleName('New traffic split: v1 (draining) 50%, v2 (active) 50%');
    await save.click();
    const confirm = page.getByRole('alertdialog', { name: 'Apply the new split?' });
    await expect(confirm).toContainText('Nothing will be archived');
    await confirm.getByRole('button', { name: 'Apply split' }).click();
    await expect(page.getByText('Traffic split saved: v1 50%, v2 50%')).toBeVisible();
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (draining) 50%, v2 (active) 50%');
    await expect(editor).toBeHidden();

    await page.getByRole('button', { name: 'Promote v2' }).click();
    const promote = page.getByRole('alertdialog', { name: 'Promote v2 to 100%?' });
    await expect(promote).toContainText('Will be archived');
    await expect(promote).toContainText('v1 (draining, now 50%) goes to 0%');
    await promote.getByRole('button', { name: 'Promote v2' }).click();
    await expect(page.getByText('v2 promoted: it receives all traffic. Archived v1.')).toBeVisible();
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v2 (active) 100%');
    await expect(page.getByText('Archived (no traffic, for good): v1')).toBeVisible();
    // With one serving version there is nothing left to promote over or roll back to, and the page says so.
    await expect(page.getByRole('button', { name: 'Promote' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Roll back' })).toBeDisabled();
    await expect(page.getByText('there is no previous version to roll back to')).toBeVisible();

    expect((await versions()).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([
      [2, 'active', 100],
      [1, 'archived', 0],
    ]);
  });

  test('shows the platform\'s refusal in the editor when the versions changed meanwhile', async ({ asDeveloper: page, request }) => {
    const { service, v1, v2 } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}/traffic`);
    await page.getByRole('button', { name: 'Edit split' }).click();
    const editor = page.getByRole('region', { name: 'Edit split' });
    await editor.getByRole('spinbutton', { name: /^v1 / }).fill('50');
    await editor.getByRole('spinbutton', { name: /^v2 / }).fill('50');

    // Someone else promotes v2 while the editor is open: v1 is archived.
    const api = platform(request, (await login(request, 'developer')).access_token);
    const res = await request.put(`${api.raw.servicesUrl}/${service.id}/traffic`, {
      headers: api.raw.headers,
      data: { allocations: [{ version_id: v1.id, percent: 0 }, { version_id: v2.id, percent: 100 }] },
    });
    expect(res.status()).toBe(200);

    await editor.getByRole('button', { name: 'Save split' }).click();
    await page.getByRole('alertdialog', { name: 'Apply the new split?' }).getByRole('button', { name: 'Apply split' }).click();
    await expect(editor.getByRole('alert')).toContainText('Version 1 is archived; it cannot receive traffic');
    await editor.getByRole('button', { name: 'Cancel' }).click();
  });

  test('rolls a canary back to the previous version and archives the canary', async ({ asDeveloper: page, request }) => {
    const { service, versions } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}/traffic`);
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (draining) 80%, v2 (active) 20%');

    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Roll back to v1?' });
    await expect(dialog).toContainText('v1 (draining, now 80%) will receive 100% of the traffic and become the active version again');
    await expect(dialog).toContainText('v2 (the active canary, now 20%) goes to 0%');
    await dialog.getByRole('button', { name: 'Roll back to v1' }).click();
    await expect(page.getByText('Rolled back: v1 receives all traffic. Archived v2.')).toBeVisible();
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (active) 100%');
    await expect(page.getByText('Archived (no traffic, for good): v2')).toBeVisible();
    // The service header follows: v1 is its active version again.
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByLabel('Service overview')).toContainText('v1 (active)');

    expect((await versions()).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([
      [2, 'archived', 0],
      [1, 'active', 100],
    ]);
  });

  test('downloads the Python and TypeScript stubs and the OpenAPI document, and they compile', async ({ asDeveloper: page, request, context }) => {
    const { service } = await serviceWithCanary(request);
    const dir = mkdtempSync(join(tmpdir(), 'stubs-'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Stubs' }).click();

    // The active version is chosen; Python first.
    await expect(page.getByLabel('Version')).toHaveValue('2');
    await expect(page.getByRole('radio', { name: 'Python' })).toBeChecked();
    const preview = page.getByRole('region', { name: 'Client stub' }).getByLabel('client.py for v2');
    await expect(preview).toContainText('translate');
    await expect(preview).toHaveAttribute('data-highlighted', 'true');

    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByText('Copied client.py to the clipboard')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('translate');

    const [python] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download client.py' }).click()]);
    expect(python.suggestedFilename()).toBe('client.py');
    const pyFile = join(dir, 'client.py');
    await python.saveAs(pyFile);
    compile('python3', ['-m', 'py_compile', pyFile], dir);

    await page.getByRole('radio', { name: 'TypeScript' }).check();
    await expect(page.getByLabel('client.ts for v2')).toContainText('translate');
    const [typescript] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download client.ts' }).click()]);
    expect(typescript.suggestedFilename()).toBe('client.ts');
    const tsFile = join(dir, 'client.ts');
    await typescript.saveAs(tsFile);
    // Run from the temp folder: TypeScript 6 refuses file arguments beside a tsconfig.json (TS5112).
    compile(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '--strict', '--noEmit', '--lib', 'es2022,dom', '--target', 'es2022', '--module', 'esnext', 'client.ts'], dir);

    // An older published version has its own stub, with only its own endpoints.
    await page.getByLabel('Version').selectOption('1');
    await expect(page.getByLabel('client.ts for v1')).not.toContainText('translate');
    await expect(page).toHaveURL(/language=typescript/);

    await expect(page.getByLabel('Document path')).toContainText(`/hosted-services/${service.id}/openapi.json?version=1`);
    const [openapi] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download OpenAPI document' }).click()]);
    expect(openapi.suggestedFilename()).toBe('openapi.json');
    const docFile = join(dir, 'openapi.json');
    await openapi.saveAs(docFile);
    const doc = JSON.parse(readFileSync(docFile, 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/summarize']);
  });

  test('a viewer sees the split but cannot change it', async ({ asViewer: page, request }) => {
    const { service } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}/traffic`);
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (draining) 80%, v2 (active) 20%');
    await expect(page.getByRole('note')).toContainText('Your role (viewer) cannot do this');
    await expect(page.getByRole('button', { name: /Promote/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Roll back/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit split' })).toHaveCount(0);
    // Reading the generated clients is fine for a viewer.
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Stubs' }).click();
    await expect(page.getByLabel('client.py for v2')).toContainText('translate');
  });

  test('a service with nothing published says what to do on both tabs', async ({ asDeveloper: page, request }) => {
    const api = platform(request, (await login(request, 'developer')).access_token);
    const [ring] = await api.rings();
    const service = await api.createService({ name: unique('Unpublished'), slug: unique('unpublished'), execution_mode: 'invocation', ring_id: ring!.id });
    await page.goto(`${SERVICES_URL}/${service.id}/traffic`);
    await expect(page.getByRole('heading', { name: 'Nothing serves traffic yet' })).toBeVisible();
    await expect(page.getByText('Publish a version to send it traffic. v1 is a draft.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Stubs' }).click();
    await expect(page.getByRole('heading', { name: 'No published version yet' })).toBeVisible();
  });
});
