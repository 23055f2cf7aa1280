import { workspaceUrl } from './support/console';
import { expect, SERVICES_URL, test } from './support/fixtures';
import { platformAs, RESEARCH, SCOPE, unique } from './support/platform';

test('switches workspace from the header and lands on its services', async ({ asDeveloper: page, api, request }) => {
  const production = await api.createInvocationService(unique('Production Only'));
  const research = await (await platformAs(request, 'developer', RESEARCH)).createInvocationService(unique('Research Only'));
  await page.goto(SERVICES_URL);
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true })).toHaveValue(SCOPE.workspaceId);
  await page.getByRole('combobox', { name: 'Workspace', exact: true }).selectOption({ label: 'Research' });
  await expect(page).toHaveURL(new RegExp(`workspaces/${RESEARCH.workspaceId}/services`));
  // The workspace's own services, not Production's.
  const search = page.getByRole('searchbox', { name: 'Search services' });
  await search.fill(research.name);
  await expect(page.getByRole('table').getByRole('link', { name: research.name, exact: true })).toBeVisible();
  await search.fill(production.name);
  await expect(page.getByRole('heading', { name: 'No services match' })).toBeVisible();
  // The last workspace is where the console opens next time.
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`workspaces/${RESEARCH.workspaceId}/services`));
});

test('an admin renames the organization, and the header says so', async ({ asAdmin: page }) => {
  const name = unique('Acme Renamed');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' }).click();
  const field = page.getByRole('textbox', { name: 'Name' });
  const before = await field.inputValue();
  await field.fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Organization renamed ${name}`)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organization', exact: true })).toHaveValue(SCOPE.orgId);
  await expect(page.getByRole('combobox', { name: 'Organization', exact: true }).locator('option:checked')).toHaveText(name);
  // Back as it was, for the stories after this one on the worker's platform (servers.ts; after a failure, the worker starts afresh).
  await field.fill(before);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('combobox', { name: 'Organization', exact: true }).locator('option:checked')).toHaveText(before);
});

test('an admin creates a workspace from the switcher and lands in it', async ({ asAdmin: page }) => {
  // Named to sort after Production: `/` opens the first workspace by name, and other stories start there.
  const name = unique('Sandbox');
  await page.goto(SERVICES_URL);
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true }).locator('option:checked')).toHaveText(name);
  await expect(page).toHaveURL(/\/workspaces\/[0-9a-f-]{36}\/services$/);
  expect(page.url()).not.toContain(SCOPE.workspaceId);
  await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
  // Its settings page lists it among the organization's workspaces.
  await page.goto(workspaceUrl('organization'));
  await expect(page.getByRole('region', { name: 'Workspaces' }).getByRole('rowheader', { name })).toBeVisible();
});

test('others see no New workspace button', async ({ asDeveloper: page }) => {
  await page.goto(SERVICES_URL);
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New workspace' })).toHaveCount(0);
});
