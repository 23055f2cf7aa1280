/**
 * Issue 9, "Done when": the console against a platform that serves only what
 * the seeds document (the `documented` project: `MOCK_PROFILE=documented`).
 * Every page opens in the frame with a heading and no page error; each of our
 * extensions that is missing is explained in words; the documented actions work.
 * Last, responses that differ in small ways a real platform's may (altered with
 * `page.route`) still render.
 */
import { expect, type APIRequestContext, type Page, type Route } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '../mock-server/auth/seed';
import { AGENT_IDS } from '../mock-server/agents/seed';
import { paths } from '../src/contract/paths';
import { advanceClock, PHASE_MS } from './support/clock';
import { openTab, skipRetryWaits, test as base } from './support/fixtures';
import { keyFile, ownWorkspace, platformAs, POSTGRES_CONFIG, serviceWithCanary, unique } from './support/platform';
import { serviceUrl, workspaceUrl } from './support/console';
import { useSession } from './support/users';

type Role = keyof typeof DEMO_USERS;
/** The worker's documented-only mock, through its console's proxy (the test's baseURL). */
const api = (path: string) => `/api/v1${path}`;

async function tokensFor(request: APIRequestContext, role: Role) {
  const res = await request.post(api(paths.login()), { data: { email: DEMO_USERS[role], password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token?: string; expires_in?: number };
}

/** Hand a session to the page as the console keeps it (sessionStorage). */
async function signInAs(page: Page, request: APIRequestContext, role: Role) {
  await useSession(page, await tokensFor(request, role));
}

/** Page errors, collected for the whole test: none is expected. */
const test = base.extend<{ noPageErrors: void }>({
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await use();
      expect(errors, 'page errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** The app frame, a heading, and never the "page does not exist" page. */
async function expectPage(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText('This page does not exist, or it was deleted.')).toHaveCount(0);
}

test.describe('against a platform with only the documented calls', () => {
  test('the API-key tab says API-key sign-in is not available; password sign-in works', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('tab', { name: 'API key' }).click();
    await page.getByRole('textbox', { name: 'API key' }).fill('fl_demo_admin');
    await page.getByRole('button', { name: 'Sign in with API key' }).click();
    await expect(page.getByRole('heading', { name: 'API-key sign-in is not available on this platform' })).toBeVisible();
    await expect(page.getByText('Sign in with your email and password instead.')).toBeVisible();

    await page.getByRole('tab', { name: 'Email and password' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_USERS.developer);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectPage(page, 'Hosted Services');
  });

  test('the accept page and single sign-on say that the console cannot finish them here', async ({ page, request }) => {
    // Inviting is documented (seed 001): the invitation is made and its link mailed; accepting it here is our extension.
    const { access_token } = await tokensFor(request, 'admin');
    const email = `documented-${Date.now().toString(36)}@example.com`;
    const invited = await request.post(api(paths.userInvite()), {
      headers: { Authorization: `Bearer ${access_token}` },
      data: { email, role: 'viewer' },
    });
    expect(invited.status()).toBe(201);
    const link = ((await (await request.get(api(`/__test__/mail?to=${email}`))).json()) as { items: { link: string }[] }).items[0]!.link;
    await page.goto(link);
    await page.getByLabel('Password *', { exact: true }).fill('long enough');
    await page.getByLabel('Password again *', { exact: true }).fill('long enough');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Accepting an invitation is not available on this platform' })).toBeVisible();

    // Starting single sign-on is documented; the console's callback is not.
    await page.goto('/login');
    await page.getByRole('tab', { name: 'Single sign-on' }).click();
    await page.getByRole('textbox', { name: 'Work email' }).fill(DEMO_USERS.viewer);
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('tabpanel', { name: 'Single sign-on' }).getByRole('alert')).toContainText(
      'This platform does not finish single sign-on in the console',
    );
  });

  test('every one of the workspace’s pages opens in the frame with a heading', async ({ page, request }) => {
    await signInAs(page, request, 'admin');
    for (const [url, heading] of [
      [workspaceUrl('services'), 'Hosted Services'],
      [workspaceUrl('rings'), /Rings/],
      [workspaceUrl('connectors'), /Connectors/],
      [workspaceUrl('users'), 'Users'],
      [workspaceUrl('credentials'), 'Cloud credentials'],
      [workspaceUrl('api-keys'), /API keys/],
      [workspaceUrl('organization'), 'Organization'],
      [workspaceUrl('agents'), /Agent/],
    ] as const) {
      await page.goto(url);
      await expectPage(page, heading);
    }
  });

  test('every one of a running service’s pages opens in the frame with a heading', async ({ page, request }) => {
    const running = await (await platformAs(request)).persistentIn('active');
    await signInAs(page, request, 'admin');
    for (const tab of [
      '',
      'versions',
      'traffic',
      'metrics',
      'logs',
      'test',
      'deployment',
      'credentials',
      'tokens',
      'stubs',
      'settings',
      'bindings',
    ]) {
      await page.goto(serviceUrl(running, tab || undefined));
      await expectPage(page, running.name);
    }
  });

  test('extensions missing from those pages are said in words, not as errors', async ({ page, request }) => {
    const service = await (await platformAs(request)).createInvocationService(unique('Documented Activity'));
    await signInAs(page, request, 'admin');
    await page.goto(serviceUrl(service));
    await expect(page.getByText('This platform keeps no activity for services.')).toBeVisible();
    await page.goto(workspaceUrl('agents'));
    await expect(page.getByRole('heading', { name: 'Agent deployments are not listed on this platform' })).toBeVisible();
  });

  test('a connector instance runs its operations (seed 001); DDL and following a job are said to be missing', async ({ page, request }) => {
    // An instance of its own (every SQL instance starts with the seed's users and orders).
    const instance = await (await platformAs(request, 'admin')).createInstance('postgresql', unique('documented-db'), POSTGRES_CONFIG);
    await signInAs(page, request, 'developer');
    await page.goto(workspaceUrl('connectors'));
    await page.getByRole('link', { name: `Operations of ${instance.name}` }).click();
    await expectPage(page, instance.name);
    await page.getByRole('button', { name: 'Run Read query' }).click();
    await expect(page.getByRole('region', { name: 'Rows from Read query' }).getByRole('cell', { name: 'ada@example.com' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Previewing and running DDL is not available on this platform' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The schema history is not available on this platform' })).toBeVisible();

    // A large write is accepted as a job (documented); following it is our extension.
    await page.getByRole('combobox', { name: 'Operation' }).selectOption('insert_rows');
    const rows = Array.from({ length: 101 }, (_, i) => ({ user_id: 1, total_cents: i, status: 'paid', created_at: '2025-01-01' }));
    await page.getByRole('textbox', { name: 'Table' }).fill('orders');
    await page.getByRole('textbox', { name: 'Rows' }).fill(JSON.stringify(rows));
    await page.getByRole('button', { name: 'Run Insert rows' }).click();
    await expect(page.getByRole('region', { name: 'Result' })).toContainText('Queued as job');
    await expect(page.getByRole('heading', { name: 'Following a large write’s job is not available on this platform' })).toBeVisible();
  });

  test('an agent instance is started by deployment ID where deployments are not listed', async ({ page, request }) => {
    await signInAs(page, request, 'developer');
    await page.goto(workspaceUrl('agents'));
    await expect(page.getByRole('heading', { name: 'Agent deployments are not listed on this platform' })).toBeVisible();
    await page.getByLabel('Deployment ID').fill(AGENT_IDS.supportTriage);
    await page.getByRole('button', { name: 'New instance…' }).click();
    const dialog = page.getByRole('dialog', { name: `New instance of ${AGENT_IDS.supportTriage}` });
    await dialog.getByLabel('Version ID').fill(AGENT_IDS.supportTriageV2);
    await dialog.getByRole('button', { name: 'Start instance' }).click();
    await expect(page.getByText(/^Instance .+ is starting$/)).toBeVisible();
  });

  test('Deployment renders from deployment-status alone and keeps its documented actions', async ({ page, request }) => {
    const built = await (await platformAs(request)).persistentIn('built');
    await signInAs(page, request, 'developer');
    await page.goto(serviceUrl(built, 'deployment'));
    await expectPage(page, built.name);
    await expect(page.getByRole('heading', { name: 'Deployment history is not available on this platform' })).toBeVisible();
    for (const name of ['Build', 'Deploy', 'Deploy without building', 'Tear down'])
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Deploy without building', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: 'Deploy the last built image?' })
      .getByRole('button', { name: 'Deploy without building' })
      .click();
    const steps = page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem');
    await expect(steps.nth(2)).toHaveText(/Deploying\s*in progress/);
    await advanceClock(request, PHASE_MS);
    await expect(steps.last()).toHaveText(/Active\s*done/);
    await expect(page.getByRole('button', { name: 'Tear down' })).toBeEnabled();
  });

  test('Credentials keeps the documented form; the organization writes through a service', async ({ page, request }) => {
    const service = await (await platformAs(request)).publishedPersistent();
    await signInAs(page, request, 'admin');
    await page.goto(serviceUrl(service, 'credentials'));
    await expectPage(page, service.name);
    await expect(page.getByRole('heading', { name: 'Which credentials are in force is not shown on this platform' })).toBeVisible();
    await page.getByLabel('Cloud provider').selectOption('gcp');
    await page.getByRole('textbox', { name: 'Project' }).fill('documented-e2e');
    await page.getByRole('textbox', { name: 'Region' }).fill('europe-west1');
    await page.getByRole('textbox', { name: 'Credentials JSON' }).fill(keyFile('documented'));
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect(page.getByText(/saved/i).first()).toBeVisible();

    await page.goto(workspaceUrl('credentials'));
    await expectPage(page, 'Cloud credentials');
    await expect(page.getByRole('heading', { name: 'The organization’s credentials cannot be read on this platform' })).toBeVisible();
  });

  test('Traffic explains that a split is set when publishing once Promote is refused', async ({ page, request }) => {
    const { service } = await serviceWithCanary(request);
    await signInAs(page, request, 'developer');
    await page.goto(serviceUrl(service, 'traffic'));
    await expectPage(page, service.name);
    await page.getByRole('button', { name: 'Promote v2' }).click();
    await page.getByRole('alertdialog', { name: 'Promote v2 to 100%?' }).getByRole('button', { name: 'Promote v2' }).click();
    await expect(page.getByText('Changing the traffic split is not available on this platform.').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Changing the split is not available on this platform' })).toBeVisible();
    await expect(page.getByText(/a split is set when publishing/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Promote v2' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit split' })).toHaveCount(0);
  });

  test('Metrics and Logs say they are not available; Traffic, Overview and the services list keep working without figures', async ({
    page,
    request,
  }) => {
    const { service } = await serviceWithCanary(request);
    await signInAs(page, request, 'viewer');
    await page.goto(serviceUrl(service));
    await expectPage(page, service.name);
    await expect(page.getByRole('region', { name: 'Health, last hour' })).toContainText('Metrics are not available on this platform.');
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Metrics' }).click();
    await expect(page.getByRole('heading', { name: 'Metrics are not available on this platform' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Logs' }).click();
    await expect(page.getByRole('heading', { name: 'Request logs are not available on this platform' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Traffic' }).click();
    await expect(page.getByText('Request metrics are not available on this platform.')).toBeVisible();
    await expect(page.getByRole('img', { name: /^Current traffic split/ })).toBeVisible();

    await page.goto(`${workspaceUrl('services')}?q=${encodeURIComponent(service.name)}`);
    await expectPage(page, 'Hosted Services');
    await expect(page.getByText(/Metrics are not available on this platform: the list shows no request figures/)).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Requests (1 h)' })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'Needs attention' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: service.name })).toBeVisible();
  });

  test('Tokens keeps Mint and says revocation is not available', async ({ page, request }) => {
    const service = await (await platformAs(request)).createInvocationService(unique('Documented Tokens'));
    await signInAs(page, request, 'developer');
    await page.goto(serviceUrl(service, 'tokens'));
    await expectPage(page, service.name);
    await expect(page.getByRole('heading', { name: 'Token revocation is not available on this platform' })).toBeVisible();
    await expect(page.getByText('This platform does not list minted tokens.')).toBeVisible();
    await page.getByLabel('TTL (minutes)').fill('30');
    await page.getByRole('button', { name: 'Mint token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Token minted' });
    await expect(dialog.getByText('This token will not be shown again.')).toBeVisible();
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
  });

  test('the Stubs tab says which version the platform sent when it ignores ?version=', async ({ page, request }) => {
    // v1 draining and v2 taking 20%: two versions to ask a stub of.
    const { service } = await serviceWithCanary(request);
    await signInAs(page, request, 'developer');
    await page.goto(serviceUrl(service, 'stubs'));
    await expectPage(page, service.name);
    await expect(page.getByLabel('client.py for v2')).toBeVisible();
    await page.getByLabel('Version').selectOption('1');
    // Never v2's client labelled as v1's.
    await expect(page.getByRole('heading', { name: 'This is v2’s Python stub, not v1’s' })).toBeVisible();
    await expect(page.getByLabel('client.py for v2')).toContainText('version 2');
    await expect(page.getByLabel('client.py for v1')).toHaveCount(0);
  });

  test('settings, endpoints and publish work from documented calls', async ({ page, request }) => {
    // v1 published, v2 a draft with one more endpoint: each call documented.
    const platform = await platformAs(request);
    const service = await platform.publishedInvocation(unique('Documented Scorer'));
    const draft = await platform.createVersion(service.id);
    await platform.addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
    await signInAs(page, request, 'developer');

    await page.goto(serviceUrl(service, 'settings'));
    await expectPage(page, service.name);
    await page.getByLabel('Description').fill('Scored on the documented platform');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Settings saved')).toBeVisible();

    // The draft's own page, although reading one version is our extension.
    await page.goto(`${serviceUrl(service, 'versions')}/${draft.id}`);
    await expectPage(page, service.name);
    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: `Publish version ${draft.version}` });
    // Rollouts are our extension: the percentage alone, and why.
    await expect(publish.getByRole('note')).toContainText('This platform does not roll out gradually');
    await expect(publish.getByRole('radio', { name: /Roll out gradually/ })).toHaveCount(0);
    await publish.getByLabel(/I understand that publishing is irreversible/).check();
    await publish.getByRole('button', { name: `Publish version ${draft.version}` }).click();
    await expect(page.getByText(`Version ${draft.version} is now active`)).toBeVisible();
    await openTab(page, 'Overview');
    await expect(page.getByLabel('Service overview')).toContainText(`v${draft.version} (active)`);
  });
});

test.describe('responses that differ in small ways', () => {
  test('an unknown role, null fields, an unknown status, a bad row and a ring without position still render', async ({ page, request }) => {
    // A workspace of its own, with a ring and three services: the rows it alters are its own.
    const scope = await ownWorkspace(request, ['dev']);
    const platform = await platformAs(request, 'developer', scope);
    const names = [unique('Differ One'), unique('Differ Two'), unique('Differ Three')];
    for (const name of names) await platform.createInvocationService(name);
    await signInAs(page, request, 'developer');
    await page.route(`**/api/v1${paths.whoami()}`, async (route) => {
      const body = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...body, role: 'superuser', name: null } });
    });
    await page.route(new RegExp(`/api/v1${paths.services(scope)}(\\?.*)?$`), async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const body = (await (await route.fetch()).json()) as { items: Record<string, unknown>[] };
      const [first, second, ...rest] = body.items;
      const items = [
        {
          ...first,
          status: 'published',
          min_replicas: null,
          connector_bindings: null,
          deployment_state: undefined,
          updated_at: '2026-01-02T03:04:05',
        },
        { ...second, name: 42 },
        ...rest,
      ];
      await route.fulfill({ json: { items, total: body.items.length } });
    });
    const ringsWithoutPosition = async (route: Route) => {
      const body = (await (await route.fetch()).json()) as { items: Record<string, unknown>[] };
      await route.fulfill({ json: body.items.map(({ position: _position, ...ring }) => ring) });
    };
    await page.route(`**/api/v1${paths.rings(scope)}*`, ringsWithoutPosition);

    await page.goto(workspaceUrl('services', scope));
    await expectPage(page, 'Hosted Services');
    const table = page.getByRole('table');
    await expect(table.getByText('published', { exact: true })).toBeVisible();
    // One bad row is an error row; the others render.
    await expect(table.getByText(/could not be read/i)).toHaveCount(1);
    await expect(table.getByRole('link', { name: /^Differ/ })).toHaveCount(2);
    // The unknown role shows as it came, treated as a viewer.
    await expect(page.getByRole('banner')).toContainText('superuser');
    await expect(page.getByRole('link', { name: 'New Service' })).toHaveCount(0);

    // The list is read: its answers are let be, and one still being altered when the page leaves is let go with it
    // (its response is gone with the request the navigation cancels).
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.route(`**/api/v1${paths.rings(scope)}*`, ringsWithoutPosition);
    await page.goto(workspaceUrl('rings', scope));
    await expectPage(page, /Rings/);
    await expect(page.getByText('dev', { exact: true }).first()).toBeVisible();
  });

  test('a token response with token_type "Bearer" and no refresh_token signs in', async ({ page }) => {
    await page.route(`**/api/v1${paths.login()}`, async (route) => {
      const body = (await (await route.fetch()).json()) as Record<string, unknown>;
      const { refresh_token: _refresh, expires_in: _expires, ...rest } = body;
      await route.fulfill({ json: { ...rest, token_type: 'Bearer' } });
    });
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_USERS.viewer);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectPage(page, 'Hosted Services');
  });

  test('a whoami without role, name, org_id or a UUID id renders: viewer’s rights with a notice, the name from /users/me', async ({
    page,
    request,
  }) => {
    await signInAs(page, request, 'developer');
    await page.route(`**/api/v1${paths.whoami()}`, async (route) => {
      const { role: _role, name: _name, org_id: _org, ...body } = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...body, id: 'auth0|developer' } });
    });
    await page.goto(workspaceUrl('services'));
    await expectPage(page, 'Hosted Services');
    const account = page.getByRole('button', { name: `Account: ${DEMO_USERS.developer}` });
    await expect(account).toContainText('Dev Developer');
    await expect(account).toContainText('no role (as viewer)');
    await expect(page.getByRole('link', { name: 'New Service' })).toHaveCount(0);
    await account.click();
    await expect(page.getByRole('dialog', { name: 'Account' }).getByRole('note')).toHaveText(
      /^The platform did not say what your role is\. The console treats you as a viewer/,
    );
  });

  test('when whoami cannot be read, the error page still offers a way to sign out', async ({ page, request }) => {
    await signInAs(page, request, 'developer');
    await page.route(`**/api/v1${paths.whoami()}`, (route) => route.fulfill({ status: 500, json: { detail: 'Internal Server Error' } }));
    await page.clock.install();
    await page.goto(workspaceUrl('services'));
    await skipRetryWaits(page, page.getByRole('heading', { name: 'This page could not be loaded' }));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  });
});
