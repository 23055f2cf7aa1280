import type { Page } from '@playwright/test';
import { DEPLOY_MS, PHASE_MS } from './support/clock';
import { serviceUrl } from './support/console';
import { expect, openTab, test } from './support/fixtures';

const timeline = (page: Page) => page.getByRole('list', { name: 'Activity, newest first' });
const entry = (page: Page, text: string | RegExp) => timeline(page).getByRole('listitem').filter({ hasText: text });

test.describe('activity', () => {
  test('the Overview tells what happened after a publish, a traffic change and a deploy, and Traffic restores an earlier split', async ({
    asDeveloper: page,
    api,
  }) => {
    // A persistent service with version 1 live; version 2 (a new endpoint) is a draft.
    const service = await api.publishedPersistent();
    const v2 = await api.createVersion(service.id);
    await api.addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });

    // Publish version 2 as a canary, from its page.
    await page.goto(`${serviceUrl(service, 'versions')}/${v2.id}`);
    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 2' });
    await publish.getByLabel('Traffic percent').fill('30');
    await publish.getByLabel(/I understand/).check();
    await publish.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(page.getByText('Version 2 is now active at 30%')).toBeVisible();

    // Change the split: 60/40.
    await openTab(page, 'Traffic');
    await page.getByRole('button', { name: 'Edit split' }).click();
    const editor = page.getByRole('region', { name: 'Edit split' });
    await editor.getByRole('spinbutton', { name: /^v1 / }).fill('40');
    await editor.getByRole('spinbutton', { name: /^v2 / }).fill('60');
    await editor.getByRole('button', { name: 'Save split' }).click();
    await page.getByRole('alertdialog', { name: 'Apply the new split?' }).getByRole('button', { name: 'Apply split' }).click();
    await expect(page.getByText('Traffic split saved: v1 40%, v2 60%')).toBeVisible();

    // The history of splits, newest first; the canary's 30/70 can be restored, the current one is marked.
    const history = page.getByRole('list', { name: 'Traffic splits, newest first' });
    await expect(history.getByRole('listitem').first()).toContainText('v2 60% · v1 40%');
    await expect(history.getByRole('listitem').first()).toContainText('current split');
    await expect(history.getByRole('listitem').nth(1)).toContainText('v1 70% · v2 30%');
    // v1 alone, from before the canary: v1 still serves, so that split could come back too (archiving v2).
    await expect(history.getByRole('listitem').nth(2)).toContainText('v1 100%');
    await expect(history.getByRole('listitem').nth(2).getByRole('button', { name: 'Restore the split v1 100%' })).toBeVisible();
    await history.getByRole('button', { name: 'Restore the split v1 70% · v2 30%' }).click();
    const restore = page.getByRole('alertdialog', { name: 'Restore this split?' });
    await expect(restore).toContainText('Traffic goes back to v1 70% · v2 30%');
    await restore.getByRole('button', { name: 'Restore split' }).click();
    await expect(page.getByRole('img', { name: /^Current traffic split/ })).toHaveAccessibleName(
      'Current traffic split: v1 (draining) 70%, v2 (active) 30%',
    );
    await expect(history.getByRole('listitem').first()).toContainText('current split');

    // Deploy it from the Deployment tab, and move the platform's clock until it runs.
    await openTab(page, 'Deployment');
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: /^Build and deploy version 2/ })
      .getByRole('button', { name: 'Deploy' })
      .click();
    await expect(page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem').first()).toHaveText(
      /Building\s*in progress/,
    );
    await api.advance(DEPLOY_MS);
    await expect(page.getByText('Serving version 2, the active version.')).toBeVisible();

    // The Overview's timeline, newest first, says who did each of them.
    await openTab(page, 'Overview');
    await expect(entry(page, 'The deploy of version 2 finished: version 2 is live')).toBeVisible();
    const items = timeline(page).getByRole('listitem');
    await expect(items.nth(0)).toContainText('The deploy of version 2 finished');
    await expect(items.nth(1)).toContainText('Started a build and deploy of version 2');
    await expect(items.nth(2)).toContainText('Set the traffic split to v1 70% · v2 30%');
    await expect(items.nth(3)).toContainText('Set the traffic split to v2 60% · v1 40%');
    await expect(items.nth(4)).toContainText('Published version 2 at 30%: v1 70% · v2 30%');
    for (const i of [0, 1, 2, 3, 4]) await expect(items.nth(i)).toContainText('developer@example.com');
    await expect(items.nth(5)).toContainText("Created version 2 as a draft, from version 1's endpoints");
    await expect(items.nth(6)).toContainText('Published version 1 at 100%: v1 100%');
    await expect(items.nth(7)).toContainText(/Created .* \(persistent\), with version 1 as a draft/);
  });

  test('a failed deploy is in the timeline once it has failed', async ({ asDeveloper: page, api }) => {
    // A system package that does not exist fails the build, deterministically.
    const service = await api.publishedPersistent({ system_packages: ['nonexistent-e2e'] });
    expect((await api.deploy(service.id)).status()).toBe(202);
    await api.advance(PHASE_MS);
    expect((await api.status(service.id)).deployment_state).toBe('failed');
    await page.goto(serviceUrl(service));
    await expect(timeline(page).getByRole('listitem').first()).toContainText(
      'The deploy of version 1 failed: Build failed: E: Unable to locate package nonexistent-e2e',
    );
    await expect(timeline(page).getByRole('listitem').first()).toContainText('deploy failed');
  });
});
