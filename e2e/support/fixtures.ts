/**
 * The stories' fixtures. How a story gets what it runs on — read this before writing one:
 *
 * - **Its platform.** Each Playwright worker starts a mock platform and a console of its own (servers.ts),
 *   and runs its stories one after another on them. `page`, `request` and `baseURL` reach that console, whose
 *   `/api` goes to that mock; so does every helper here (platform.ts, clock.ts, users.ts).
 * - **Its clock.** Nothing on the mock moves by itself: every deploy phase, job, drain and agent instance phase
 *   lasts an hour (`PHASE_MS`, clock.ts), and tokens live their usual 15 minutes. A story looks at a state for
 *   as long as it likes, then moves the clock to the next: `api.advance(ms)` (signs `api` in again after) or
 *   `advanceClock(request, ms)`. It never waits for time to pass: no `waitForTimeout`, no sleeps; `expect`
 *   waits for what the page shows. The console's own timers (retry backoff, the throttle countdown) move with
 *   `page.clock`.
 * - **Its data.** A story makes what it reads, with a unique name (`unique('Prefix')`): a service of its own
 *   through `api` (the demo developer in Acme Corp's Production: `api.createInvocationService`,
 *   `api.publishedPersistent`, `api.persistentIn('active')`, `serviceWithCanary(request)`); a workspace of its
 *   own (`ownWorkspace(request, ['dev', 'prod'])`) when it changes or counts what a workspace shares — its
 *   rings, its services list, its connector instances; an organization of its own (the `ownOrg` fixture:
 *   `ownOrganization(request)` with `page` signed in as its admin; then
 *   `platformAs(request, org.accounts.admin, org.scope)`) when it changes what an organization shares — its
 *   name, cloud credentials, users and invitations, API keys. The demo seed is only read, where it is the
 *   subject (the seeded list, the agent deployments, Acme Corp's users and API keys), and never changed.
 * - **Who it is.** `asDeveloper`, `asAdmin`, `asViewer`: a page signed in as the demo user of that role
 *   (the session handed over as the console keeps it), or `signInAs(page, request, account)` for anyone else.
 *
 * So a story runs alone, in any order, twice, beside any other. In short:
 *
 *   test('a deploy goes through its phases', async ({ asDeveloper: page, api }) => {
 *     const service = await api.publishedPersistent();            // its own service
 *     await page.goto(serviceUrl(service, 'deployment'));
 *     // … Deploy clicked; the stepper says Building for as long as the story looks …
 *     await api.advance(PHASE_MS);                                  // the next phase, now
 *     await expect(steps.nth(1)).toHaveText(/Built\s*done/);
 *   });
 */
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { MockProfile } from '../../mock-server/platform';
import { paths } from '../../src/contract/paths';
import { SERVICES_URL } from './console';
import { emailOf, login, ownOrganization, platformAs, type Account, type OwnOrganization, type PlatformApi } from './platform';
import { startWorkerServers, type WorkerServers } from './servers';
import { useSession } from './users';

export { expect };

/** Sign in through the API and hand the session to the page as the console keeps it (sessionStorage). */
export async function signInAs(page: Page, request: APIRequestContext, who: Account) {
  const tokens = await login(request, who);
  await useSession(page, tokens);
  return tokens;
}

/** Sign in on the sign-in page, as a person does, and wait for the services list. */
export async function signInWithPassword(page: Page, who: Account = 'developer') {
  await page.getByRole('textbox', { name: 'Email' }).fill(emailOf(who));
  await page.getByLabel('Password', { exact: true }).fill('password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * The sidebar's navigation. On a narrow screen (the phone project) it is a
 * menu behind the header's Menu button, opened first; on a wide one it is there.
 */
export async function mainNav(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  return page.getByRole('navigation', { name: 'Main' });
}

/** Open one of a service's tabs from its section navigation. */
export const openTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name }).click();

/**
 * The console retries a failed read twice, 1 s then 2 s later (src/lib/retry.ts). Rather than wait those
 * out, the page's clock — installed before the page loaded (`page.clock.install()`) — jumps a second at a
 * time until `shown` (what the page shows once it has given up) is there.
 */
export async function skipRetryWaits(page: Page, shown: Locator) {
  await expect
    .poll(async () => {
      if (await shown.isVisible()) return true;
      await page.clock.fastForward(1_000);
      return shown.isVisible();
    })
    .toBe(true);
}

/**
 * Nothing on the page is still loading: no page spinner, no skeleton, nothing marked busy — what the
 * console shows while it waits for data or for a lazy chunk (a page, a diagram, an editor). Call it once
 * the page has drawn something of its own (its heading, a row), then: before axe runs, so that it checks
 * the page as it ends up; and before a click below a diagram, which is drawn smaller than its skeleton and
 * so moves what is under it up when it arrives (a click in flight would land where the button was).
 */
export async function settled(page: Page) {
  await expect(page.locator('.page-spinner, .skeleton, [aria-busy="true"]')).toHaveCount(0);
}

/** The refresh requests the page makes from now on. */
export function watchRefreshes(page: Page) {
  const refreshes: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(paths.refresh())) refreshes.push(r.url());
  });
  return refreshes;
}

type WorkerFixtures = {
  /** Which platform the worker's mock is: `full`, or `documented` (the documented project sets it). */
  mockProfile: MockProfile;
  /** The worker's own mock and console, started once for all its tests (servers.ts says why one per worker). */
  servers: WorkerServers;
};

type TestFixtures = {
  asDeveloper: Page;
  asAdmin: Page;
  asViewer: Page;
  api: PlatformApi;
  /** An organization of the story's own (`ownOrganization`), with `page` signed in as its admin. */
  ownOrg: OwnOrganization;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  mockProfile: ['full', { scope: 'worker', option: true }],
  servers: [
    async ({ mockProfile }, use, workerInfo) => {
      const servers = await startWorkerServers(mockProfile, workerInfo.parallelIndex);
      await use(servers);
      await servers.close();
    },
    { scope: 'worker', timeout: 60_000, title: "the worker's mock platform and console" },
  ],
  // Every page, and every `request`, talks to the worker's own console, which forwards /api to its own mock.
  baseURL: async ({ servers }, use) => {
    await use(servers.webUrl);
  },
  /** The platform API as a developer, to arrange what a test starts from. */
  api: async ({ request }, use) => {
    await use(await platformAs(request));
  },
  asDeveloper: async ({ page, request }, use) => {
    await signInAs(page, request, 'developer');
    await use(page);
  },
  asAdmin: async ({ page, request }, use) => {
    await signInAs(page, request, 'admin');
    await use(page);
  },
  asViewer: async ({ page, request }, use) => {
    await signInAs(page, request, 'viewer');
    await use(page);
  },
  ownOrg: async ({ page, request }, use) => {
    const org = await ownOrganization(request);
    await signInAs(page, request, org.accounts.admin);
    await use(org);
  },
});

export { SERVICES_URL };
