import type { JsonSchema } from '../src/contract/json-schema';
import { expect, openTab, SERVICES_URL, settled, test } from './support/fixtures';
import { platformAs, unique } from './support/platform';

const summarizeRequest: JsonSchema = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] };

test.describe('versions and endpoints', () => {
  test('adds and edits endpoints on the draft, with schemas checked as typed, then publishes it', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Versioned'));

    await page.goto(`${SERVICES_URL}/${service.id}`);
    await openTab(page, 'Versions');
    // The lifecycle is drawn, with the draft highlighted.
    await expect(page.getByRole('img', { name: /Version lifecycle/ })).toHaveAccessibleName(/Draft: v1/);
    await expect(page.getByTestId('mermaid-svg')).toContainText('Draft (v1)');
    await page.getByRole('link', { name: 'Version 1' }).click();
    await expect(page.getByRole('heading', { name: 'No endpoints yet' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish…' })).toBeDisabled();

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByLabel('Path').fill('/summarize');
    await dialog.getByLabel('Summary').fill('Summarize a document');
    const request_ = dialog.getByLabel('Request schema (JSON Schema)');
    await request_.fill('{\n  "type": "object",\n  "properties": {\n    "text": { "type": "strin" }\n  }\n}');
    await expect(dialog.getByText(/Line 4: properties\.text\.type: type must be one of/)).toBeVisible();
    await request_.fill('{\n  "type": "object",\n  "properties": {\n    "text": { "type": "string" },\n  }\n}');
    await expect(dialog.getByText(/^Line \d+, column \d+:/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog).toBeVisible(); // refused while the schema is invalid
    await request_.fill(JSON.stringify(summarizeRequest, null, 2));
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog).toBeHidden();

    const endpoints = page.getByRole('list', { name: 'Endpoints' });
    await expect(endpoints).toContainText('/summarize');
    await page.getByRole('button', { name: 'Edit POST /summarize' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit POST /summarize' });
    await edit.getByLabel('Summary').fill('Summarize any document');
    await edit.getByRole('button', { name: 'Save endpoint' }).click();
    await expect(endpoints).toContainText('Summarize any document');

    // A second endpoint with the same method and path is refused by the platform, on the Path field.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.getByLabel('Path').fill('/summarize');
    await dialog.getByLabel('Summary').fill('Duplicate');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog.getByText('POST /summarize already exists in this version')).toBeVisible();
    // What was typed is not thrown away without a word.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alertdialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 1' });
    await expect(publish.getByText('This is the first publish')).toBeVisible();
    const confirm = publish.getByRole('button', { name: 'Publish version 1' });
    await expect(confirm).toBeDisabled();
    await publish.getByLabel(/I understand that publishing is irreversible/).check();
    await confirm.click();
    await expect(page.getByText('Version 1 is now active at 100%')).toBeVisible();

    // The published version is read-only: its frozen snapshot and its skill snapshot.
    await expect(page.getByRole('note')).toHaveText(/Published versions are immutable/);
    await expect(page.getByRole('list', { name: 'Endpoint snapshot' })).toContainText('Summarize any document');
    await expect(page.getByRole('table')).toContainText('post_summarize');
    await expect(page.getByRole('button', { name: 'Add endpoint' })).toHaveCount(0);
    // The way on from a frozen version is on its page.
    await expect(page.getByRole('button', { name: 'New version' })).toBeVisible();
    await openTab(page, 'Overview');
    await expect(page.getByLabel('Service overview')).toContainText('v1 (active)');
  });

  test('the diff flags a removed endpoint as breaking, and a canary publish splits the traffic', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Canary'));
    await api.addEndpoint(service.id, { method: 'POST', path: '/summarize', summary: 'Summarize', request_schema: summarizeRequest });
    await api.addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
    const [v1] = await api.versions(service.id);
    expect((await api.publish(service.id, v1!.id, 100)).status()).toBe(200);

    await page.goto(`${SERVICES_URL}/${service.id}/versions`);
    await page.getByRole('button', { name: 'New version' }).click();
    await expect(page.getByText('Version 2 created as a draft')).toBeVisible();
    // New version opens the draft.
    await expect(page.getByRole('heading', { level: 2, name: /^Version 2/ })).toContainText('draft');
    await expect(page).toHaveURL(/\/versions\/[0-9a-f-]{36}$/);
    // One draft at a time: back on the list, the way is to this one, not to a second.
    await openTab(page, 'Versions');
    await expect(page.getByRole('button', { name: 'New version' })).toHaveCount(0);
    // The lifecycle diagram above the table is drawn first.
    await settled(page);
    await page.getByRole('link', { name: 'Open draft v2' }).click();
    // The draft starts from what is live.
    await expect(page.getByRole('list', { name: 'Endpoints' }).getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: 'Delete GET /health' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(page.getByRole('list', { name: 'Endpoints' }).getByRole('listitem')).toHaveCount(1);

    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 2' });
    const changes = publish.getByRole('list', { name: 'Endpoint changes' });
    await expect(changes.getByRole('listitem').filter({ hasText: 'GET /health' }).first()).toContainText('breaking');
    await expect(publish.getByText('1 breaking change: clients built against version 1 may stop working.')).toBeVisible();

    await publish.getByLabel('Traffic percent').fill('20');
    await expect(publish.getByRole('img', { name: 'version 2: 20%, version 1: 80%' })).toBeVisible();
    await expect(publish.getByText('Version 1: 80% — becomes draining')).toBeVisible();
    await publish.getByLabel(/I understand/).check();
    await publish.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(page.getByText('Version 2 is now active at 20%')).toBeVisible();

    await openTab(page, 'Versions');
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.filter({ hasText: 'Version 2' })).toContainText('active');
    await expect(rows.filter({ hasText: 'Version 2' })).toContainText('20%');
    await expect(rows.filter({ hasText: 'Version 1' })).toContainText('draining');
    await expect(rows.filter({ hasText: 'Version 1' })).toContainText('80%');
    await expect(page.getByTestId('mermaid-svg')).toContainText('Draining (v1)');
  });

  test('New version opens the draft, and publishing it unchanged warns first', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Unchanged'));
    await api.addEndpoint(service.id, { method: 'POST', path: '/summarize', summary: 'Summarize', request_schema: summarizeRequest });
    const [v1] = await api.versions(service.id);
    expect((await api.publish(service.id, v1!.id, 100)).status()).toBe(200);

    await page.goto(`${SERVICES_URL}/${service.id}/versions`);
    await page.getByRole('button', { name: 'New version' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Version 2/ })).toContainText('draft');
    await expect(page.getByRole('list', { name: 'Endpoints' }).getByRole('listitem')).toHaveCount(1);

    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 2' });
    await expect(publish.getByRole('alert')).toHaveText(
      /^No endpoint changes: version 2's endpoints are the same as version 1's \(active\)\./,
    );
    await expect(publish.getByText('No endpoint changes.')).toBeVisible();
    await publish.getByRole('button', { name: 'Cancel' }).click();

    // A change, and the warning is gone.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const editor = page.getByRole('dialog', { name: 'Add endpoint' });
    await editor.getByRole('textbox', { name: 'Path' }).fill('/health');
    await editor.getByRole('textbox', { name: 'Summary' }).fill('Health');
    await editor.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(editor).toBeHidden();
    await page.getByRole('button', { name: 'Publish…' }).click();
    await expect(publish.getByRole('list', { name: 'Endpoint changes' })).toContainText('/health');
    await expect(publish.getByText(/^No endpoint changes/)).toHaveCount(0);
  });

  test('the endpoint editor asks before closing or leaving with changes not saved', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Editor Guard'));
    await page.goto(`${SERVICES_URL}/${service.id}/versions`);
    // The lifecycle diagram above the table is drawn first.
    await expect(page.getByRole('link', { name: 'Version 1' })).toBeVisible();
    await settled(page);
    await page.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const editor = page.getByRole('dialog', { name: 'Add endpoint' });
    await editor.getByRole('textbox', { name: 'Summary' }).fill('Half written');

    await page.keyboard.press('Escape');
    const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await expect(editor.getByRole('textbox', { name: 'Summary' })).toHaveValue('Half written');

    // Back in the browser's history is leaving the page: asked too.
    await page.goBack();
    const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(leave).toContainText('Add endpoint has changes that are not saved.');
    await leave.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(editor).toBeVisible();

    await editor.getByRole('button', { name: 'Cancel' }).click();
    await discard.getByRole('button', { name: 'Discard changes' }).click();
    await expect(editor).toBeHidden();
    expect(await api.versions(service.id)).toHaveLength(1);
  });

  test('publishing a version twice is refused with a clear message', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Twice'));
    await api.addEndpoint(service.id, { method: 'POST', path: '/run', summary: 'Run' });
    const [v1] = await api.versions(service.id);

    // Another tab (or another person) publishes while this page still shows the draft.
    await page.goto(`${SERVICES_URL}/${service.id}/versions/${v1!.id}`);
    await page.getByRole('button', { name: 'Publish…' }).click();
    expect((await api.publish(service.id, v1!.id, 100)).status()).toBe(200);
    const publish = page.getByRole('dialog', { name: 'Publish version 1' });
    await publish.getByLabel(/I understand/).check();
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(publish.getByRole('alert')).toHaveText(/Version 1 is already published/);

    const again = await api.publish(service.id, v1!.id, 100);
    expect(again.status()).toBe(409);
    expect((await again.json()).detail).toMatch(/already published/);
  });

  test('user text that looks like mermaid or HTML renders as plain text everywhere', async ({ asDeveloper: page, request }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const api = await platformAs(request);
    const [ring] = await api.rings();
    const name = 'a"]; B-->C; click B call alert(1)';
    const summary = '<img src=x onerror=alert(1)>';
    const service = await api.createService({ name, slug: unique('hostile'), ring_id: ring!.id, description: summary });
    await api.addEndpoint(service.id, { method: 'POST', path: '/x', summary });
    const [v1] = await api.versions(service.id);
    expect((await api.publish(service.id, v1!.id, 100)).status()).toBe(200);

    await page.goto(`${SERVICES_URL}/${service.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByLabel('Service overview')).toContainText(summary);
    await openTab(page, 'Versions');
    await expect(page.getByTestId('mermaid-svg')).toContainText('Active (v1)');
    await page.getByRole('link', { name: 'Version 1' }).click();
    await expect(page.getByRole('list', { name: 'Endpoint snapshot' })).toContainText(summary);
    await page.goto(`${SERVICES_URL}?q=${encodeURIComponent('click B')}`);
    await expect(page.getByRole('table').getByRole('link', { name })).toBeVisible();

    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
