import { expect, login, platform, SERVICES_URL, test, unique } from './fixtures';

test.describe('editing and deleting a service', () => {
  test('edits a draft service, switches its mode, and cannot change its slug', async ({ asDeveloper: page, request }) => {
    const api = platform(request, (await login(request, 'developer')).access_token);
    const [ring] = await api.rings();
    const service = await api.createService({ name: unique('Editable'), slug: unique('editable'), execution_mode: 'invocation', ring_id: ring!.id });

    await page.goto(`${SERVICES_URL}/${service.id}`);
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Slug')).toHaveAttribute('readonly', '');

    const renamed = unique('Renamed');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(renamed);
    await page.getByLabel('Description').fill('Now with a description');
    await page.getByRole('radio', { name: /Persistent/ }).check();
    await page.getByLabel('Max replicas').fill('3');
    await page.getByLabel('Min replicas').fill('4');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Max replicas must be at least min replicas')).toBeVisible();
    await page.getByLabel('Min replicas').fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Settings saved')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(renamed);
    await expect(page.getByLabel('Max replicas')).toHaveValue('3');
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByLabel('Service overview')).toContainText('Now with a description');
    await expect(page.getByLabel('Service overview')).toContainText('persistent');
  });

  test('the execution mode is locked once a service is no longer draft', async ({ asDeveloper: page }) => {
    await page.goto(`${SERVICES_URL}?status=active`);
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('radio', { name: /Invocation/ })).toBeDisabled();
    await expect(page.getByText(/can be changed only while the service is draft/)).toBeVisible();
  });

  test('deletes a service after a confirmation that names it', async ({ asDeveloper: page, request }) => {
    const api = platform(request, (await login(request, 'developer')).access_token);
    const [ring] = await api.rings();
    const service = await api.createService({ name: unique('Doomed'), slug: unique('doomed'), execution_mode: 'invocation', ring_id: ring!.id });

    await page.goto(`${SERVICES_URL}/${service.id}/settings`);
    await page.getByRole('button', { name: 'Delete service' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByRole('heading', { name: `Delete ${service.name}?` })).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete service' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill('wrong');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill(service.slug);
    await confirm.click();

    await expect(page).toHaveURL(new RegExp(`${SERVICES_URL}$`));
    await expect(page.getByText(`Service ${service.name} deleted`)).toBeVisible();
    expect((await api.listServices({ search: service.name })).total).toBe(0);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  });
});
