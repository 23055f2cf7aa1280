import { paths } from '../src/contract/paths';
import { expect, mainNav, openTab, SERVICES_URL, skipRetryWaits, test } from './support/fixtures';
import { expectAccessible, FRAME } from './support/axe';
import { workspaceUrl } from './support/console';
import { ownWorkspace, platformAs, SCOPE, unique } from './support/platform';

test.describe('creating a service, as the platform guide describes', () => {
  test('creates an invocation service from Hosted Services → New Service', async ({ asDeveloper: page }) => {
    const name = unique('Document Processor');
    await page.goto('/');
    await (await mainNav(page)).getByRole('link', { name: 'Hosted Services' }).click();
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

  test('in a new workspace without rings, an admin’s first service gets its first ring from the form', async ({
    asAdmin: page,
    request,
  }) => {
    const scope = await ownWorkspace(request);
    const name = unique('First Service');
    await page.goto(workspaceUrl('services', scope));
    await page.getByRole('link', { name: 'Create your first service' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);

    // The Ring field says why it is empty and offers the way forward, rather than a list with nothing to choose.
    const help = page.getByRole('group', { name: 'This workspace has no rings yet' });
    await expect(page.getByRole('combobox', { name: 'Ring' })).toHaveText('No rings in this workspace yet');
    await expect(help.getByRole('link', { name: 'Open Rings' })).toBeVisible();
    await expectAccessible(page, 'New Service without rings', { exclude: FRAME });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expectAccessible(page, 'New Service without rings (dark)', { rules: ['color-contrast'], exclude: FRAME });
    await help.getByRole('button', { name: 'Create ring dev' }).click();
    await expect(help).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Ring' }).getByRole('option', { name: /^dev/, selected: true })).toBeAttached();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name);
    await page.getByRole('button', { name: 'Create' }).click();

    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
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
    const api = await platformAs(request);
    const [stored] = (await api.listServices({ search: name })).items;
    expect(stored).toMatchObject({
      execution_mode: 'persistent',
      min_replicas: 1,
      max_replicas: 5,
      concurrency_per_replica: 80,
      startup_timeout_seconds: 120,
      system_packages: ['libgomp1'],
      ring_id: null,
    });
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

  test('puts a duplicate slug from the server on the Slug field', async ({ asDeveloper: page, api }) => {
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

  test('puts an unknown ring from the server on the Ring field', async ({ asDeveloper: page, api }) => {
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
    const api = await platformAs(request);
    expect((await api.listServices({ search: name })).total).toBe(1);
  });
});

test.describe('editing and deleting a service', () => {
  test('edits a draft service, switches its mode, and cannot change its slug', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Editable'));

    await page.goto(`${SERVICES_URL}/${service.id}`);
    await openTab(page, 'Settings');
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
    await openTab(page, 'Overview');
    await expect(page.getByLabel('Service overview')).toContainText('Now with a description');
    await expect(page.getByLabel('Service overview')).toContainText('persistent');
  });

  test('the execution mode is locked once a service is no longer draft', async ({ asDeveloper: page, api }) => {
    const service = await api.publishedInvocation();
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await openTab(page, 'Settings');
    await expect(page.getByRole('radio', { name: /Invocation/ })).toBeDisabled();
    await expect(page.getByText(/can be changed only while the service is draft/)).toBeVisible();
  });

  test('deletes a service after a confirmation that names it', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Doomed'));

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

test.describe('the services list', () => {
  test('search, filters, sort and pagination live in the URL and survive a reload', async ({ asDeveloper: page, api }) => {
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

  test('a row clicked while the search is still being written opens, and stays open', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Clicked Early'));
    await page.clock.install();
    await page.goto(SERVICES_URL);
    // Newest first: the new service is on the first row before any search.
    const link = page.getByRole('table').getByRole('link', { name: service.name, exact: true });
    await expect(link).toBeVisible();
    // The service's page is on its way (its record held back) when the search box writes its text to the URL,
    // 250 ms after the typing stopped: the page's clock stands still until then.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/hosted-services/${service.id}`, async (route) => {
      await held;
      await route.continue();
    });
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.getByRole('searchbox', { name: 'Search services' }).fill(service.name);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/services/${service.id}$`));
    await page.clock.runFor(1_000);
    release();
    await page.clock.resume();
    await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/services/${service.id}$`));
  });

  test('a bad link falls back to the defaults', async ({ asDeveloper: page, api }) => {
    // Something to list.
    await api.createInvocationService(unique('Listed'));
    await page.goto(`${SERVICES_URL}?page=-4&size=7&sort=evil&order=sideways&status=bogus&mode=42`);
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    await expect(page.getByLabel('Status')).toHaveValue('all');
    await expect(page.getByLabel('Execution mode')).toHaveValue('all');
    await expect(page.getByLabel('Rows per page')).toHaveValue('25');
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  });

  test('shows an error with a retry when the list cannot be loaded', async ({ asDeveloper: page, api }) => {
    await api.createInvocationService(unique('Listed'));
    let failures = 0;
    await page.route('**/hosted-services?*', (route) => {
      if (failures < 3) {
        failures += 1;
        return route.fulfill({ status: 503, json: { detail: 'The platform is busy' } });
      }
      return route.continue();
    });
    await page.clock.install();
    await page.goto(SERVICES_URL);
    await skipRetryWaits(page, page.getByRole('heading', { name: 'Services could not be loaded' }));
    await expect(page.getByText('The platform is busy')).toBeVisible();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  });

  // What the demo seed puts in Production, as a new user first sees it (no story changes the seed's services).
  test('shows the demo services of the seeded workspace', async ({ asViewer: page }) => {
    await page.goto(`${SERVICES_URL}?q=invoice`);
    await expect(page.getByRole('table').getByRole('link', { name: 'Invoice Extractor', exact: true })).toBeVisible();

    // A badge is one pill on one line: "deploy: active" broken in two read as two badges.
    await page.goto(`${SERVICES_URL}?q=embedding`);
    const row = page.getByRole('row').filter({ hasText: 'Embedding Service' });
    const heights = await Promise.all(
      [row.getByText('active', { exact: true }), row.getByText('deploy: active', { exact: true })].map(
        async (b) => (await b.boundingBox())!.height,
      ),
    );
    expect(heights[1]).toBe(heights[0]);
  });
});

test.describe('a viewer', () => {
  test('sees no create, edit or delete controls', async ({ asViewer: page, api }) => {
    const service = await api.createInvocationService(unique('Viewed'));
    await page.goto(`${SERVICES_URL}?q=${encodeURIComponent(service.name)}`);
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('link', { name: service.name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New Service' })).toHaveCount(0);

    await page.getByRole('table').getByRole('link', { name: service.name }).click();
    await openTab(page, 'Settings');
    await expect(page.getByText('Your role (viewer) cannot do this.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete service' })).toHaveCount(0);
  });

  test('is refused by the server anyway', async ({ request }) => {
    const viewer = await platformAs(request, 'viewer');
    const developer = await platformAs(request, 'developer');
    const [ring] = await developer.rings();
    const existing = await developer.createInvocationService(unique('Not Yours'));

    const create = await viewer.send('POST', paths.services(SCOPE), { name: 'Nope', slug: 'viewer-nope', ring_id: ring!.id });
    expect(create.status()).toBe(403);
    expect((await create.json()).detail).toMatch(/viewer/);
    const update = await viewer.send('PUT', paths.service(SCOPE, existing.id), { name: 'Renamed by viewer' });
    expect(update.status()).toBe(403);
    const remove = await viewer.send('DELETE', paths.service(SCOPE, existing.id));
    expect(remove.status()).toBe(403);
  });
});

test.describe('a viewer, by URL', () => {
  test('never gets an editable create or settings form: a guard says why, with a way back', async ({ asViewer: page, api }) => {
    const service = await api.createInvocationService(unique('Guarded'));
    await page.goto(`${SERVICES_URL}/new`);
    const guard = page.getByRole('note', { name: 'You can’t create services' });
    await expect(guard).toContainText('Your role (viewer) cannot do this. Ask an admin or a developer.');
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
    await guard.getByRole('link', { name: 'Back to Hosted Services' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();

    // Found by name: the list shows a page at a time.
    await page.getByRole('searchbox', { name: 'Search services' }).fill(service.name);
    await page.getByRole('table').getByRole('link', { name: service.name, exact: true }).click();
    await openTab(page, 'Settings');
    const settingsGuard = page.getByRole('note', { name: 'You can’t change this service’s settings' });
    await expect(settingsGuard).toContainText('They are shown below, read-only.');
    for (const field of await page.getByRole('textbox').all()) expect(await field.isEditable()).toBe(false);
    await settingsGuard.getByRole('link', { name: 'Back to the overview' }).click();
    await expect(page.getByLabel('Service overview')).toBeVisible();
  });
});

test.describe('execution modes', () => {
  test('an invocation service has no Deployment or Credentials tab, and a link to one says why', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Invoked'));
    await page.goto(`${SERVICES_URL}/${service.id}`);
    const tabs = page.getByRole('navigation', { name: 'Service sections' });
    // Logs is there before a publish: the gateway records refused calls too. Metrics and Test wait for a published version.
    await expect(tabs.getByRole('link')).toHaveText(['Overview', 'Versions', 'Traffic', 'Logs', 'Bindings', 'Tokens', 'Stubs', 'Settings']);

    await page.goto(`${SERVICES_URL}/${service.id}/credentials`);
    await expect(page.getByRole('heading', { name: 'No cloud credentials for invocation services' })).toBeVisible();
    await expect(page.getByText(/runs in invocation mode, on the platform’s own infrastructure/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Credentials JSON' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await expect(page.getByLabel('Service overview')).toContainText(service.slug);
  });

  test('a persistent service shows every tab, and its missing ring the same way on every page', async ({ asDeveloper: page, api }) => {
    const name = unique('Ringless');
    const service = await api.createService({ name, slug: name.toLowerCase(), execution_mode: 'persistent' });
    const noRing = 'No ring (persistent services run on their own deployment)';
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await expect(page.getByRole('navigation', { name: 'Service sections' }).getByRole('link')).toHaveText([
      'Overview',
      'Versions',
      'Traffic',
      'Logs',
      'Deployment',
      'Bindings',
      'Credentials',
      'Tokens',
      'Stubs',
      'Settings',
    ]);
    await expect(page.getByLabel('Service overview')).toContainText(noRing);

    await openTab(page, 'Settings');
    const ring = page.getByLabel('Ring', { exact: true });
    await expect(ring.locator('option:checked')).toHaveText(noRing);
    await expect(page.getByText('Optional for persistent services: they run on their own deployment.')).toBeVisible();
    await expect(page.getByText('Choose a ring')).toHaveCount(0);

    await page.goto(`${SERVICES_URL}?q=${encodeURIComponent(name)}`);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('cell').nth(3)).toHaveText('No ring');
    await expect(row.getByText('No ring')).toHaveAttribute('title', 'Persistent services run on their own deployment');
  });
});

test.describe('unsaved changes', () => {
  test('New Service left untouched, or with what was typed taken back, leaves without asking; something typed asks', async ({
    asDeveloper: page,
  }) => {
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    const openNewService = async () => {
      await page.goto(SERVICES_URL);
      await page.getByRole('link', { name: 'New Service' }).click();
      // The rings list has arrived (the field was disabled while it loaded).
      await expect(page.getByRole('combobox', { name: 'Ring' })).toBeEnabled();
    };
    const cancelLeaves = async () => {
      await page.getByRole('link', { name: 'Cancel' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
      await expect(ask).toHaveCount(0);
    };

    await openNewService();
    await cancelLeaves();

    await openNewService();
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('x');
    await name.fill('');
    await page.getByRole('radio', { name: /Persistent/ }).check();
    await page.getByRole('radio', { name: /Invocation/ }).check();
    await cancelLeaves();

    await openNewService();
    await name.fill('Half a name');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(ask).toContainText('The new service has changes that are not saved.');
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(name).toHaveValue('Half a name');
  });

  test('switching tabs with an unsaved Settings edit asks first; stay keeps the edit, discard leaves', async ({
    asDeveloper: page,
    api,
  }) => {
    const service = await api.createInvocationService(unique('Unsaved'));
    await page.goto(`${SERVICES_URL}/${service.id}/settings`);
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('Not saved yet');

    await openTab(page, 'Versions');
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(ask).toContainText('This service’s settings has changes that are not saved.');
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(ask).toBeHidden();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(name).toHaveValue('Not saved yet');

    // The sidebar is leaving too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosted Services' }).click();
    await ask.getByRole('button', { name: 'Discard changes and leave' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
    expect((await api.service(service.id)).name).toBe(service.name);

    // Saved, it leaves without a word.
    await page.goto(`${SERVICES_URL}/${service.id}/settings`);
    await name.fill(`${service.name} saved`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Settings saved')).toBeVisible();
    await openTab(page, 'Versions');
    await expect(page.getByRole('link', { name: 'Open draft v1' })).toBeVisible();
    await expect(ask).toHaveCount(0);
  });

  test('closing the tab with an unsaved edit gets the browser’s question', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Unload'));
    await page.goto(`${SERVICES_URL}/${service.id}/settings`);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Typed, then the tab closes');
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });
});
