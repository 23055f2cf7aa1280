import { expect, login, platform, SERVICES_URL, test } from './fixtures';

test.describe('a viewer', () => {
  test('sees no create, edit or delete controls', async ({ asViewer: page }) => {
    await page.goto(SERVICES_URL);
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'New Service' })).toHaveCount(0);

    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByText('Your role (viewer) cannot do this.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete service' })).toHaveCount(0);
  });

  test('is refused by the server anyway', async ({ request }) => {
    const viewer = platform(request, (await login(request, 'viewer')).access_token);
    const developer = platform(request, (await login(request, 'developer')).access_token);
    const [ring] = await developer.rings();
    const [existing] = (await developer.listServices({ limit: '1' })).items;

    const create = await request.post(viewer.raw.servicesUrl, { headers: viewer.raw.headers, data: { name: 'Nope', slug: 'viewer-nope', ring_id: ring!.id } });
    expect(create.status()).toBe(403);
    expect((await create.json()).detail).toMatch(/viewer/);
    const update = await request.put(`${viewer.raw.servicesUrl}/${existing!.id}`, { headers: viewer.raw.headers, data: { name: 'Renamed by viewer' } });
    expect(update.status()).toBe(403);
    const remove = await request.delete(`${viewer.raw.servicesUrl}/${existing!.id}`, { headers: viewer.raw.headers });
    expect(remove.status()).toBe(403);
  });
});
