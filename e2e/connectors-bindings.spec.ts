import type { Page } from '@playwright/test';
import { expect, test, unique } from './fixtures';
import { extras, POSTGRES_CONFIG, WS_URL } from './platform-extras';

const postgresCard = (page: Page) => page.getByRole('region', { name: /^PostgreSQL/ });
const bindingName = () => `db_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

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

test.describe('connectors and bindings', () => {
  test('creates a PostgreSQL instance from the generated form and tests its connection', async ({ asDeveloper: page }) => {
    const good = unique('pg-good');
    const bad = unique('pg-bad');
    await page.goto(`${WS_URL}/connectors`);
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
    await fillPostgres(page, good, 'db.example.com');

    await postgresCard(page).getByRole('button', { name: 'New PostgreSQL instance' }).click();
    await fillPostgres(page, bad, 'unreachable.example.com');

    const goodRow = postgresCard(page).getByRole('listitem', { name: good });
    await expect(goodRow).toContainText('db.example.com');
    await expect(goodRow).not.toContainText('s3cret');
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

  test('binds an instance as read_write, draws it, and removes the binding', async ({ asDeveloper: page, request }) => {
    const api = await extras(request);
    const [ring] = await api.rings();
    const service = await api.createService(unique('Bound Service'), ring!.id);
    const instance = await api.createInstance('postgresql', unique('pg-bind'), POSTGRES_CONFIG);
    const name = bindingName();

    await page.goto(`${WS_URL}/services/${service.id}/bindings`);
    await expect(page.getByRole('heading', { name: 'No bindings' })).toBeVisible();
    await page.getByRole('button', { name: 'Add binding' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add binding' });

    // The name is checked as typed.
    await dialog.getByLabel('Binding name').fill('1-bad name');
    await expect(dialog.getByText('Start with a letter; use a-z, 0-9 and _')).toBeVisible();
    await dialog.getByLabel('Binding name').fill(name);
    await expect(dialog.getByText('Start with a letter; use a-z, 0-9 and _')).toHaveCount(0);

    // The instance is picked from a filtered listbox, with the keyboard.
    await dialog.getByRole('searchbox', { name: 'Filter connector instances' }).fill(instance.name);
    await dialog.getByRole('searchbox', { name: 'Filter connector instances' }).press('ArrowDown');
    const list = dialog.getByRole('listbox', { name: 'Connector instance' });
    await expect(list).toBeFocused();
    await expect(
      list.getByRole('option', {
        name: new RegExp(instance.name),
        selected: true,
      }),
    ).toBeVisible();
    await dialog.getByRole('radio', { name: /read_write/ }).check();
    await dialog.getByRole('button', { name: 'Add binding' }).click();
    await expect(dialog).toBeHidden();

    const bindingRow = page.getByRole('row').filter({ hasText: name });
    await expect(bindingRow).toContainText(instance.name);
    await expect(bindingRow).toContainText('read_write');
    const diagram = page.getByRole('img', {
      name: new RegExp(`${service.name} is bound to: ${name} \\(${instance.name}, read_write\\)`),
    });
    await expect(diagram).toBeVisible();
    await expect(diagram.getByTestId('mermaid-svg')).toContainText(instance.name);
    await expect(diagram.getByTestId('mermaid-svg')).toContainText(`${name}: read_write`);

    const stored = await api.service(service.id);
    expect(stored.connector_bindings[name]).toEqual({
      connector_instance_id: instance.id,
      role: 'read_write',
    });

    await page.getByRole('button', { name: `Remove binding ${name}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove binding' }).click();
    await expect(page.getByRole('heading', { name: 'No bindings' })).toBeVisible();
    expect((await api.service(service.id)).connector_bindings).toEqual({});
  });

  test('a binding to an instance that does not exist is refused on the instance field', async ({ asDeveloper: page, request }) => {
    const api = await extras(request);
    const service = await api.invoiceExtractor();
    const name = bindingName();
    await page.route(`**/hosted-services/${service.id}`, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const body = JSON.parse(route.request().postData()!) as {
        connector_bindings: Record<string, { connector_instance_id: string }>;
      };
      body.connector_bindings[name]!.connector_instance_id = '00000000-0000-4000-8000-00000000dead';
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.goto(`${WS_URL}/services/${service.id}/bindings`);
    await page.getByRole('button', { name: 'Add binding' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add binding' });
    await dialog.getByLabel('Binding name').fill(name);
    await dialog
      .getByRole('listbox', { name: 'Connector instance' })
      .getByRole('option', { name: /orders-db/ })
      .click();
    await dialog.getByRole('button', { name: 'Add binding' }).click();
    await expect(dialog.getByRole('listbox', { name: 'Connector instance' })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('Connector instance not found')).toBeVisible();
  });

  test('the platform refuses an unknown role (422) and the console shows it on the Role field', async ({ asDeveloper: page, request }) => {
    const api = await extras(request);
    const service = await api.invoiceExtractor();
    const instanceId = service.connector_bindings.primary_db!.connector_instance_id;
    const refused = await api.putBindings(service.id, {
      ...service.connector_bindings,
      audit: { connector_instance_id: instanceId, role: 'owner' },
    });
    expect(refused.status()).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('"connector_bindings","audit","role"');

    const name = bindingName();
    await page.route(`**/hosted-services/${service.id}`, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const body = JSON.parse(route.request().postData()!) as {
        connector_bindings: Record<string, { role: string }>;
      };
      body.connector_bindings[name]!.role = 'owner';
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.goto(`${WS_URL}/services/${service.id}/bindings`);
    await page.getByRole('button', { name: 'Add binding' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add binding' });
    await dialog.getByLabel('Binding name').fill(name);
    await dialog
      .getByRole('listbox', { name: 'Connector instance' })
      .getByRole('option', { name: /orders-db/ })
      .click();
    await dialog.getByRole('button', { name: 'Add binding' }).click();
    await expect(dialog.getByRole('group', { name: 'Role' }).getByRole('alert')).toBeVisible();
  });

  test('a viewer sees connectors and bindings read-only', async ({ asViewer: page, request }) => {
    const api = await extras(request);
    const service = await api.invoiceExtractor();
    await page.goto(`${WS_URL}/connectors`);
    await expect(postgresCard(page).getByRole('listitem', { name: 'orders-db' })).toBeVisible();
    await expect(
      page.getByRole('button', {
        name: /New .* instance|Test connection|Edit|Delete/,
      }),
    ).toHaveCount(0);
    await page.goto(`${WS_URL}/services/${service.id}/bindings`);
    await expect(page.getByRole('row').filter({ hasText: 'primary_db' })).toContainText('orders-db');
    await expect(page.getByRole('note')).toContainText('Your role (viewer) cannot do this.');
    await expect(page.getByRole('button', { name: /Add binding|Remove binding/ })).toHaveCount(0);
  });
});
