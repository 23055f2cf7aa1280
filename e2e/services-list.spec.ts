import { expect, login, platform, SERVICES_URL, test, unique } from './fixtures';

test.describe('the services list', () => {
  test('search, filters, sort and pagination live in the URL and survive a reload', async ({ asDeveloper: page, request }) => {
    const api = platform(request, (await login(request, 'developer')).access_token);
    const [ring] = await api.rings();
    const prefix = unique('listtest');
    // 12 services: 8 invocation, 4 persistent.
    for (let i = 0; i < 12; i++) {
      const persistent = i % 3 === 0;
      await api.createService({
        name: `${prefix} ${String(i).padStart(2, '0')}`,
        slug: `${prefix}-${i}`,
        execution_mode: persistent ? 'persistent' : 'invocation',
        ...(persistent ? {} : { ring_id: ring!.id }),
      });
    }

    await page.goto(SERVICES_URL);
    await page.getByRole('searchbox', { name: 'Search services' }).fill(prefix);
    await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
    await expect(page.getByText('1–12 of 12')).toBeVisible();

    await page.getByLabel('Rows per page').selectOption('10');
    await expect(page.getByText('1–10 of 12')).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('11–12 of 12')).toBeVisible();
    await expect(page).toHaveURL(/page=2/);

    // Sort by name, ascending: page 2 holds the last two names.
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=name/);
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/order=asc/);
    await page.getByRole('button', { name: 'Next' }).click();
    const rows = page.getByRole('table').getByRole('link');
    await expect(rows).toHaveText([`${prefix} 10`, `${prefix} 11`]);

    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search services' })).toHaveValue(prefix);
    await expect(page.getByLabel('Rows per page')).toHaveValue('10');
    await expect(page.getByText('11–12 of 12')).toBeVisible();
    await expect(rows).toHaveText([`${prefix} 10`, `${prefix} 11`]);

    await page.getByLabel('Execution mode').selectOption('persistent');
    await expect(page.getByText('1–4 of 4')).toBeVisible();
    await expect(page).toHaveURL(/mode=persistent/);
    await page.reload();
    await expect(page.getByLabel('Execution mode')).toHaveValue('persistent');
    await expect(page.getByText('1–4 of 4')).toBeVisible();

    await page.getByLabel('Status').selectOption('active');
    await expect(page.getByRole('heading', { name: 'No services match' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByLabel('Status')).toHaveValue('all');
    await expect(page.getByRole('searchbox', { name: 'Search services' })).toHaveValue('');
  });

  test('a bad link falls back to the defaults', async ({ asDeveloper: page }) => {
    await page.goto(`${SERVICES_URL}?page=-4&size=7&sort=evil&order=sideways&status=bogus&mode=42`);
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    await expect(page.getByLabel('Status')).toHaveValue('all');
    await expect(page.getByLabel('Execution mode')).toHaveValue('all');
    await expect(page.getByLabel('Rows per page')).toHaveValue('25');
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  });

  test('shows an error with a retry when the list cannot be loaded', async ({ asDeveloper: page }) => {
    let failures = 0;
    await page.route('**/hosted-services?*', (route) => {
      if (failures < 3) {
        failures += 1;
        return route.fulfill({ status: 503, json: { detail: 'The platform is busy' } });
      }
      return route.continue();
    });
    await page.goto(SERVICES_URL);
    await expect(page.getByRole('heading', { name: 'Services could not be loaded' })).toBeVisible();
    await expect(page.getByText('The platform is busy')).toBeVisible();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  });

  test('shows the demo services of the seeded workspace', async ({ asViewer: page }) => {
    await page.goto(`${SERVICES_URL}?q=invoice`);
    await expect(page.getByRole('table').getByRole('link', { name: 'Invoice Extractor', exact: true })).toBeVisible();
  });
});
