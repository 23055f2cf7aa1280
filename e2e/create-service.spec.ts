import { expect, login, platform, SERVICES_URL, test, unique } from './fixtures';

test.describe('creating a service, as the platform guide describes', () => {
  test('creates an invocation service from Hosted Services → New Service', async ({ asDeveloper: page }) => {
    const name = unique('Document Processor');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosted Services' }).click();
    await page.getByRole('link', { name: 'New Service' }).click();

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    // The slug is suggested from the name.
    const slug = name.toLowerCase().replace(/ /g, '-');
    await expect(page.getByLabel('Slug')).toHaveValue(slug);
    // Invocation is the default mode, and it needs a ring.
    await expect(page.getByRole('radio', { name: /Invocation/ })).toBeChecked();
    // Rings are offered in promotion order: dev first.
    await page.getByLabel('Ring').selectOption({ index: 1 });
    await page.getByLabel('Description').fill('Processes and summarizes uploaded documents');
    await page.getByRole('button', { name: 'Create' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByLabel('Service overview')).toContainText(slug);
    await expect(page.getByLabel('Service overview')).toContainText('draft');
    await expect(page.getByLabel('Service overview')).toContainText('v1 draft');
    await expect(page.getByLabel('Service overview')).toContainText('dev');
  });

  test('creates a persistent service with its settings and their documented defaults', async ({ asDeveloper: page, request }) => {
    const name = unique('ML Inference');
    await page.goto(`${SERVICES_URL}/new`);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('radio', { name: /Persistent/ }).check();

    // The ring picker is for invocation mode; the persistent settings appear with their defaults.
    await expect(page.getByLabel('Ring')).toHaveCount(0);
    await expect(page.getByLabel('Min replicas')).toHaveValue('0');
    await expect(page.getByLabel('Max replicas')).toHaveValue('10');
    await expect(page.getByLabel('Concurrency per replica')).toHaveValue('80');
    await expect(page.getByLabel('Scale threshold')).toHaveValue('');
    await expect(page.getByLabel('Startup timeout (seconds)')).toHaveValue('');
    await expect(page.getByLabel('Base image')).toHaveValue('');
    await expect(page.getByLabel('System packages')).toHaveValue('');

    await page.getByLabel('Min replicas').fill('1');
    await page.getByLabel('Max replicas').fill('5');
    await page.getByLabel('Startup timeout (seconds)').fill('120');
    await page.getByLabel('System packages').fill('libgomp1');
    await page.getByRole('button', { name: 'Create' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const settings = page.getByLabel('Persistent settings');
    await expect(settings).toContainText('1–5');
    await expect(settings).toContainText('120 s');
    await expect(settings).toContainText('libgomp1');

    // What the platform stored is what was typed.
    const api = platform(request, (await login(request, 'developer')).access_token);
    const [stored] = (await api.listServices({ search: name })).items;
    expect(stored).toMatchObject({ execution_mode: 'persistent', min_replicas: 1, max_replicas: 5, concurrency_per_replica: 80, startup_timeout_seconds: 120, system_packages: ['libgomp1'], ring_id: null });
  });

  test('shows each validation error on its field', async ({ asDeveloper: page }) => {
    await page.goto(`${SERVICES_URL}/new`);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText('Name is required')).toBeVisible();
    await expect(page.getByText('Slug must be at least 3 characters')).toBeVisible();
    await expect(page.getByText('A ring is required for invocation mode')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute('aria-invalid', 'true');

    // The slug is checked as it is typed.
    await page.getByLabel('Slug').fill('Bad Slug');
    await expect(page.getByText('Use lowercase letters, digits and single hyphens, e.g. document-processor')).toBeVisible();
    await page.getByLabel('Slug').fill('good-slug');
    await expect(page.getByText('Use lowercase letters, digits and single hyphens')).toHaveCount(0);

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('x'.repeat(101));
    await expect(page.getByText('Name must be at most 100 characters')).toBeVisible();

    await page.getByRole('radio', { name: /Persistent/ }).check();
    await expect(page.getByText('A ring is required for invocation mode')).toHaveCount(0);
    await page.getByLabel('Min replicas').fill('6');
    await page.getByLabel('Max replicas').fill('2');
    await page.getByLabel('Concurrency per replica').fill('0');
    await page.getByLabel('System packages').fill('Bad Package!');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText('Max replicas must be at least min replicas')).toBeVisible();
    await expect(page.getByText('At least 1', { exact: true })).toBeVisible();
    await expect(page.getByText('Package names use a-z, 0-9, . + and -')).toBeVisible();
  });

  test('puts a duplicate slug from the server on the Slug field', async ({ asDeveloper: page, request }) => {
    const api = platform(request, (await login(request, 'developer')).access_token);
    const [ring] = await api.rings();
    const taken = await api.createService({ name: 'Taken', slug: unique('taken'), execution_mode: 'invocation', ring_id: ring!.id });

    await page.goto(`${SERVICES_URL}/new`);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Another one');
    await page.getByLabel('Slug').fill(taken.slug);
    await page.getByLabel('Ring').selectOption(ring!.id);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText(`A service with slug '${taken.slug}' already exists in this workspace`)).toBeVisible();
    await expect(page.getByLabel('Slug')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Slug')).toBeFocused();
  });

  test('puts an unknown ring from the server on the Ring field', async ({ asDeveloper: page, request }) => {
    const api = platform(request, (await login(request, 'developer')).access_token);
    const [ring] = await api.rings();
    // The ring vanished between loading the form and submitting it.
    await page.route('**/hosted-services', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData()!);
      await route.continue({ postData: JSON.stringify({ ...body, ring_id: '00000000-0000-4000-8000-00000000dead' }) });
    });
    await page.goto(`${SERVICES_URL}/new`);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(unique('Ringless'));
    await page.getByLabel('Ring').selectOption(ring!.id);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText('Ring not found')).toBeVisible();
    await expect(page.getByLabel('Ring')).toHaveAttribute('aria-invalid', 'true');
  });

  test('a retry after a network error keeps what was typed and creates the service once', async ({ asDeveloper: page, request }) => {
    const name = unique('Flaky Network');
    let attempts = 0;
    const keys: string[] = [];
    await page.route('**/hosted-services', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      attempts += 1;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (attempts === 1) {
        // The platform receives and creates it, but the answer is lost on the way back.
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });

    await page.goto(`${SERVICES_URL}/new`);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByLabel('Ring').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not reach the platform' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name);

    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    expect(attempts).toBe(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    const api = platform(request, (await login(request, 'developer')).access_token);
    expect((await api.listServices({ search: name })).total).toBe(1);
  });
});
