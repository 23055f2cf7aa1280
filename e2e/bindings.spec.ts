import type { Page } from '@playwright/test';
import { ServiceUpdate } from '../src/contract/services';
import { serviceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { platformAs, POSTGRES_CONFIG, unique, type PlatformApi } from './support/platform';

const bindingName = () => `db_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** A service of its own and a PostgreSQL instance of its own to bind it to (created as an admin). */
async function serviceAndInstance(api: PlatformApi) {
  const service = await api.createInvocationService(unique('Bound Service'));
  const instance = await api.createInstance('postgresql', unique('pg-bind'), POSTGRES_CONFIG);
  return { service, instance };
}

/**
 * Add a binding to `instance` through the dialog, with the service PUT the
 * console sends altered on the way (as a stale page or another client would).
 */
async function addAlteredBinding(
  page: Page,
  serviceId: string,
  instance: { name: string },
  name: string,
  alter: (binding: Record<string, unknown>) => void,
) {
  await page.route(`**/hosted-services/${serviceId}`, async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    const body = ServiceUpdate.parse(route.request().postDataJSON());
    const binding: Record<string, unknown> = { ...body.connector_bindings?.[name] };
    alter(binding);
    await route.continue({ postData: JSON.stringify({ ...body, connector_bindings: { ...body.connector_bindings, [name]: binding } }) });
  });
  await page.goto(serviceUrl({ id: serviceId }, 'bindings'));
  await page.getByRole('button', { name: 'Add binding' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add binding' });
  await dialog.getByLabel('Binding name').fill(name);
  await dialog
    .getByRole('listbox', { name: 'Connector instance' })
    .getByRole('option', { name: new RegExp(instance.name) })
    .click();
  await dialog.getByRole('button', { name: 'Add binding' }).click();
  return dialog;
}

test.describe('bindings', () => {
  test('binds an instance as read_write, draws it, and removes the binding', { tag: '@phone' }, async ({ asDeveloper: page, request }) => {
    const api = await platformAs(request, 'admin');
    const { service, instance } = await serviceAndInstance(api);
    const name = bindingName();

    await page.goto(serviceUrl(service, 'bindings'));
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
    // Its actions are on the screen, a phone's too: no sideways scroll of the list to reach them.
    const remove = await bindingRow.getByRole('button', { name: `Remove binding ${name}` }).boundingBox();
    expect(remove!.x + remove!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    const diagram = page.getByRole('img', {
      name: new RegExp(`${service.name} is bound to: ${name} \\(${instance.name}, read_write\\)`),
    });
    await expect(diagram).toBeVisible();
    await expect(diagram.getByTestId('mermaid-svg')).toContainText(instance.name);
    await expect(diagram.getByTestId('mermaid-svg')).toContainText(`${name}: read_write`);
    // Left to right, or top to bottom on a phone, where a row of boxes shrank to labels too small to read.
    const [from, to] = await Promise.all([
      diagram.getByText(service.name, { exact: true }).boundingBox(),
      diagram.getByText(instance.name, { exact: true }).boundingBox(),
    ]);
    if (page.viewportSize()!.width < 760) expect(to!.y).toBeGreaterThan(from!.y + from!.height);
    else expect(to!.x).toBeGreaterThan(from!.x + from!.width);

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
    const { service, instance } = await serviceAndInstance(await platformAs(request, 'admin'));
    const dialog = await addAlteredBinding(page, service.id, instance, bindingName(), (binding) => {
      binding.connector_instance_id = '00000000-0000-4000-8000-00000000dead';
    });
    await expect(dialog.getByRole('listbox', { name: 'Connector instance' })).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText('Connector instance not found')).toBeVisible();
  });

  test('the platform refuses an unknown role (422) and the console shows it on the Role field', async ({ asDeveloper: page, request }) => {
    const api = await platformAs(request, 'admin');
    const { service, instance } = await serviceAndInstance(api);
    const refused = await api.putBindings(service.id, { audit: { connector_instance_id: instance.id, role: 'owner' } });
    expect(refused.status()).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('"connector_bindings","audit","role"');

    const dialog = await addAlteredBinding(page, service.id, instance, bindingName(), (binding) => {
      binding.role = 'owner';
    });
    await expect(dialog.getByRole('group', { name: 'Role' }).getByRole('alert')).toBeVisible();
  });
});
