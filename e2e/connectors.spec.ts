import type { Page } from '@playwright/test';
import { expectAccessible, FRAME } from './support/axe';
import { serviceUrl, workspaceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { paths } from '../src/contract/paths';
import { platformAs, POSTGRES_CONFIG, SCOPE, unique } from './support/platform';

const postgresCard = (page: Page) => page.getByRole('region', { name: /^PostgreSQL/ });

async function fillPostgres(page: Page, name: string, host: string) {
  const dialog = page.getByRole('dialog', { name: 'New PostgreSQL instance' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByRole('textbox', { name: /^Host/ }).fill(host);
  await expect(dialog.getByRole('spinbutton', { name: /^Port/ })).toHaveValue('5432');
  await dialog.getByRole('textbox', { name: /^Database/ }).fill('orders');
  await dialog.getByRole('textbox', { name: /^User/ }).fill('svc_orders');
  await dialog.getByLabel(/^Password/).fill('s3cret');
  await dialog.getByRole('button', { name: 'Create instance' }).click();
  await expect(dialog).toBeHidden();
}

test.describe('connectors', () => {
  test('creates a PostgreSQL instance from the generated form and tests its connection', async ({ asDeveloper: page }) => {
    const good = unique('pg-good');
    const bad = unique('pg-bad');
    await page.goto(workspaceUrl('connectors'));
    await expect(postgresCard(page)).toContainText('A PostgreSQL database');

    // The form checks the config as typed, with the platform's rule.
    await postgresCard(page).getByRole('button', { name: 'New PostgreSQL instance' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'New PostgreSQL instance',
    });
    await dialog.getByRole('spinbutton', { name: /^Port/ }).fill('');
    await expect(dialog.getByText('Port is required')).toBeVisible();
    await dialog.getByRole('spinbutton', { name: /^Port/ }).fill('5432');
    await expect(dialog.getByText('Port is required')).toHaveCount(0);
    await expect(dialog.getByLabel(/^Password/)).toHaveAttribute('type', 'password');
    const host = 'orders-replica.db.internal.example.com';
    await fillPostgres(page, good, host);

    await postgresCard(page).getByRole('button', { name: 'New PostgreSQL instance' }).click();
    await fillPostgres(page, bad, 'unreachable.example.com');

    const goodRow = postgresCard(page).getByRole('listitem', { name: good });
    await expect(goodRow).toContainText(host);
    await expect(goodRow).not.toContainText('s3cret');
    // A long host reads on one line (as high as the port's value), and the row's actions sit side by side.
    const valueHeight = async (value: string) => (await goodRow.getByRole('definition').filter({ hasText: value }).boundingBox())!.height;
    expect(await valueHeight(host)).toBe(await valueHeight('5432'));
    const top = async (name: string) => (await goodRow.getByRole('button', { name }).boundingBox())!.y;
    expect(await top(`Delete ${good}`)).toBe(await top(`Test connection to ${good}`));
    await goodRow.getByRole('button', { name: `Test connection to ${good}` }).click();
    await expect(goodRow.getByRole('status')).toContainText('Connected');
    await expect(goodRow.getByRole('status')).toContainText(/\d+ ms/);

    const badRow = postgresCard(page).getByRole('listitem', { name: bad });
    await badRow.getByRole('button', { name: `Test connection to ${bad}` }).click();
    await expect(badRow.getByRole('status')).toContainText('Failed');

    // Editing never shows the secret, and leaving it empty keeps it.
    await goodRow.getByRole('button', { name: `Edit ${good}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${good}` });
    await expect(edit.getByLabel(/^Password/)).toHaveValue('');
    await expect(edit.getByText('Set — leave empty to keep.')).toBeVisible();
    await edit.getByRole('textbox', { name: /^Database/ }).fill('orders_v2');
    await edit.getByRole('button', { name: 'Save instance' }).click();
    await expect(edit).toBeHidden();
    await expect(goodRow).toContainText('orders_v2');
    await expect(goodRow).toContainText(/Password\s*set/);
  });

  test('a viewer sees connectors and bindings read-only', async ({ asViewer: page, request }) => {
    const api = await platformAs(request, 'admin');
    const instance = await api.createInstance('postgresql', unique('pg-viewed'), POSTGRES_CONFIG);
    const service = await api.createInvocationService(unique('Viewed Bindings'));
    expect((await api.putBindings(service.id, { primary_db: { connector_instance_id: instance.id, role: 'read_write' } })).status()).toBe(
      200,
    );
    await page.goto(workspaceUrl('connectors'));
    await expect(postgresCard(page).getByRole('listitem', { name: instance.name })).toBeVisible();
    await expect(
      page.getByRole('button', {
        name: /New .* instance|Test connection|Edit|Delete/,
      }),
    ).toHaveCount(0);
    await page.goto(serviceUrl(service, 'bindings'));
    await expect(page.getByRole('row').filter({ hasText: 'primary_db' })).toContainText(instance.name);
    await expect(page.getByRole('note')).toContainText('Your role (viewer) cannot do this.');
    await expect(page.getByRole('button', { name: /Add binding|Remove binding/ })).toHaveCount(0);
  });

  test('an instance that is not there, deleted in another tab or a bad link, says so inside Connectors, with the way back', async ({
    asDeveloper: page,
    request,
  }) => {
    const api = await platformAs(request, 'admin');
    const instance = await api.createInstance('postgresql', unique('pg-gone'), POSTGRES_CONFIG);
    const instancesUrl = `${workspaceUrl('connectors')}/postgresql/instances`;
    await page.clock.install();
    await page.goto(`${instancesUrl}/${instance.id}`);
    await expect(page.getByRole('heading', { level: 1, name: instance.name })).toBeVisible();

    // Deleted in another tab; this tab, shown again once its copy is stale, reads it again and finds it gone.
    expect((await api.send('DELETE', paths.instance(SCOPE, 'postgresql', instance.id))).status()).toBe(204);
    await page.clock.fastForward('01:00');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    const missing = page.getByRole('heading', { level: 1, name: 'Connector instance not found' });
    await expect(missing).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);

    // A bad id in the link: the same page, in the console's frame (its header's workspace switcher is there).
    await page.goto(`${instancesUrl}/00000000-0000-4000-8000-000000000000`);
    await expect(missing).toBeVisible();
    await expect(page.getByLabel('Workspace')).toBeVisible();
    await expect(page).toHaveTitle('Connector instance not found · Connectors · Hosted Services');
    await expectAccessible(page, 'a missing connector instance', { exclude: FRAME });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expectAccessible(page, 'a missing connector instance (dark)', { rules: ['color-contrast'], exclude: FRAME });
    await page.getByRole('link', { name: 'Back to Connectors' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connectors' })).toBeVisible();
  });
});
