import type { Page } from '@playwright/test';
import { expect, openTab, SERVICES_URL, test } from './support/fixtures';
import { serviceWithCanary, unique } from './support/platform';

const split = (page: Page) => page.getByRole('img', { name: /^Current traffic split/ });

/** Press a traffic action, check what its confirmation says, and confirm. */
async function confirmAction(page: Page, action: string, title: string, says: string[]) {
  await page.getByRole('button', { name: action }).click();
  const dialog = page.getByRole('alertdialog', { name: title });
  for (const text of says) await expect(dialog).toContainText(text);
  await dialog.getByRole('button', { name: action }).click();
}

test.describe('traffic', () => {
  test('shows a canary split, edits it to 50/50, then promotes the canary', { tag: '@phone' }, async ({ asDeveloper: page, request }) => {
    const { service, versions } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await openTab(page, 'Traffic');
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
    await expect(editor.getByRole('img', { name: /^New traffic split/ })).toHaveAccessibleName(
      'New traffic split: v1 (draining) 50%, v2 (active) 50%',
    );
    await save.click();
    const confirm = page.getByRole('alertdialog', { name: 'Apply the new split?' });
    await expect(confirm).toContainText('Nothing will be archived');
    await confirm.getByRole('button', { name: 'Apply split' }).click();
    await expect(page.getByText('Traffic split saved: v1 50%, v2 50%')).toBeVisible();
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (draining) 50%, v2 (active) 50%');
    await expect(editor).toBeHidden();

    await confirmAction(page, 'Promote v2', 'Promote v2 to 100%?', ['Will be archived', 'v1 (draining, now 50%) goes to 0%']);
    await expect(page.getByText('v2 promoted: it receives all traffic. Archived v1.')).toBeVisible();
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v2 (active) 100%');
    await expect(page.getByText('Archived (no traffic, for good): v1')).toBeVisible();
    // With one serving version there is nothing left to promote over or roll back to, and the page says so.
    await expect(page.getByRole('button', { name: 'Promote' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Roll back' })).toBeDisabled();
    await expect(
      page.getByText('Only v2 serves traffic: publish a new version to split, promote or roll back.', { exact: true }),
    ).toBeVisible();

    expect((await versions()).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([
      [2, 'active', 100],
      [1, 'archived', 0],
    ]);
  });

  test("shows the platform's refusal in the editor when the versions changed meanwhile", async ({ asDeveloper: page, request }) => {
    const { api, service, v1, v2 } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}/traffic`);
    await page.getByRole('button', { name: 'Edit split' }).click();
    const editor = page.getByRole('region', { name: 'Edit split' });
    await editor.getByRole('spinbutton', { name: /^v1 / }).fill('50');
    await editor.getByRole('spinbutton', { name: /^v2 / }).fill('50');

    // Someone else promotes v2 while the editor is open: v1 is archived.
    const res = await api.setTraffic(service.id, [
      { version_id: v1.id, percent: 0 },
      { version_id: v2.id, percent: 100 },
    ]);
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

    await confirmAction(page, 'Roll back to v1', 'Roll back to v1?', [
      'v1 (draining, now 80%) will receive 100% of the traffic and become the active version again',
      'v2 (the active canary, now 20%) goes to 0%',
    ]);
    await expect(page.getByText('Rolled back: v1 receives all traffic. Archived v2.')).toBeVisible();
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (active) 100%');
    await expect(page.getByText('Archived (no traffic, for good): v2')).toBeVisible();
    // The service header follows: v1 is its active version again.
    await openTab(page, 'Overview');
    await expect(page.getByLabel('Service overview')).toContainText('v1 (active)');

    expect((await versions()).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([
      [2, 'archived', 0],
      [1, 'active', 100],
    ]);
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
    await openTab(page, 'Stubs');
    await expect(page.getByLabel('client.py for v2')).toContainText('translate');
  });

  test('a service with nothing published says what to do on both tabs', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Unpublished'));
    await page.goto(`${SERVICES_URL}/${service.id}/traffic`);
    await expect(page.getByRole('heading', { name: 'Nothing serves traffic yet' })).toBeVisible();
    await expect(page.getByText('Publish a version to send it traffic. v1 is a draft.')).toBeVisible();
    await openTab(page, 'Stubs');
    await expect(page.getByRole('heading', { name: 'No published version yet' })).toBeVisible();
  });
});
