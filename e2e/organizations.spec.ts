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

// An organization of its own: the name is the whole organization's.
test('an admin renames the organization, and the header says so', async ({ page, ownOrg: org }) => {
  const name = unique('Renamed');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' }).click();
  const field = page.getByRole('textbox', { name: 'Name' });
  await expect(field).toHaveValue(org.name);
  await field.fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Organization renamed ${name}`)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organization', exact: true })).toHaveValue(org.scope.orgId);
  await expect(page.getByRole('combobox', { name: 'Organization', exact: true }).locator('option:checked')).toHaveText(name);
});

// An organization of its own: the workspaces are the whole organization's.
test('an admin creates a workspace from the switcher and lands in it', async ({ page, ownOrg: org }) => {
  const name = unique('Sandbox for the data science team');
  await page.goto(workspaceUrl('services', org.scope));
  // The workspace picker's last item, as a team switcher ends in its "Create team".
  await page.getByRole('combobox', { name: 'Workspace', exact: true }).selectOption({ label: 'New workspace…' });
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true }).locator('option:checked')).toHaveText(name);
  await expect(page).toHaveURL(/\/workspaces\/[0-9a-f-]{36}\/services$/);
  expect(page.url()).not.toContain(org.scope.workspaceId);
  await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Workspace', exact: true });
  const wide = (await picker.boundingBox())!.width;
  // Its settings page lists it among the organization's workspaces.
  await page.goto(workspaceUrl('organization', org.scope));
  // Back in the first workspace, the picker is as wide as that one's name, not the new one's: the header keeps its room.
  await expect(picker).toHaveValue(org.scope.workspaceId);
  expect((await picker.boundingBox())!.width).toBeLessThan(wide - 40);
  await expect(page.getByRole('region', { name: 'Workspaces' }).getByRole('rowheader', { name })).toBeVisible();
  // …and opens it from there: the header's picker follows.
  await page.getByRole('region', { name: 'Workspaces' }).getByRole('link', { name }).click();
  await expect(page).toHaveURL(/\/workspaces\/[0-9a-f-]{36}\/services$/);
  expect(page.url()).not.toContain(org.scope.workspaceId);
  await expect(page.getByRole('combobox', { name: 'Workspace', exact: true }).locator('option:checked')).toHaveText(name);
});

test('others are offered no New workspace', async ({ asDeveloper: page }) => {
  await page.goto(SERVICES_URL);
  const picker = page.getByRole('combobox', { name: 'Workspace', exact: true });
  await expect(picker.getByRole('option', { name: 'Research' })).toHaveCount(1);
  await expect(picker.getByRole('option', { name: 'New workspace…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New workspace' })).toHaveCount(0);
});
