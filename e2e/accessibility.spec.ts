import type { Locator, Page } from '@playwright/test';
import { paths } from '../src/contract/paths';
import { expectAccessible, FRAME } from './support/axe';
import { serviceUrl } from './support/console';
import { expect, settled } from './support/fixtures';
import { PAGE_NAMES, SIGN_IN_PAGE } from './support/pages';
import { SCOPE } from './support/platform';
import { pageNamed, test, type Walk } from './support/walk';

/**
 * Every page an admin sees: its own title, its h1, and no serious or critical
 * axe violation — then the dialogs it opens, checked open, closed with
 * Escape, and focus back on what opened it; then the page's contrast again in
 * the dark theme. Each page once per theme, each kind of dialog once. The
 * pages are of the walk's own service and ring (support/walk.ts); nothing here
 * is confirmed, so they stay as they are.
 */
type DialogCase = {
  /** The button that opens it (by accessible name; the first that matches). */
  opener: string | RegExp;
  /** The dialog's title. */
  title: string | RegExp;
};

/**
 * One dialog of each component, on the page that shows it with the most in it: the same component on
 * another page adds time, not checks. So not Build (Deployment), Delete instance (Connectors) nor Remove
 * user (Users): the same confirmation as Promote, with less in it; not New workspace (Organization): the
 * same name-only dialog as New API key; not Change role (Users): the same form and role choice as Invite.
 */
const dialogs = (walk: Walk): Record<string, DialogCase[]> => ({
  agents: [{ opener: 'New instance of Support triage', title: /Support triage/ }],
  rings: [{ opener: `Edit ${walk.ring.name}`, title: `Edit ring ${walk.ring.name}` }],
  connectors: [{ opener: 'New PostgreSQL instance', title: 'New PostgreSQL instance' }],
  'api-keys': [{ opener: 'New API key', title: 'New API key' }],
  users: [{ opener: 'Invite user', title: 'Invite a user' }],
  'service-version-draft': [
    { opener: 'Edit GET /languages', title: /GET \/languages/ },
    { opener: 'Publish…', title: /Publish/ },
  ],
  'service-traffic': [{ opener: 'Promote v2', title: 'Promote v2 to 100%?' }],
  'service-bindings': [{ opener: 'Add binding', title: 'Add binding' }],
  'service-settings': [{ opener: 'Delete service', title: `Delete ${walk.serviceName}?` }],
});

const DIALOG = '[role="dialog"], [role="alertdialog"]';
const dialogNamed = (page: Page, title: string | RegExp) =>
  page.getByRole('dialog', { name: title }).or(page.getByRole('alertdialog', { name: title }));

async function checkDialog(page: Page, opener: Locator, dialog: Locator, what: string) {
  await opener.click();
  await expect(dialog).toBeVisible();
  await settled(page);
  await expectAccessible(page, what, { include: DIALOG });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener, `focus back on what opened ${what}`).toBeFocused();
}

/** The contrast once more, in the dark theme (switched from the header, as a user does). */
async function checkDarkContrast(page: Page, what: string, exclude: readonly string[]) {
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, `${what} (dark)`, { rules: ['color-contrast'], exclude });
}

/** The frame is checked with the first page (the services list); on the others, only what is theirs. */
const FRAME_CHECKED_ON = 'services';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('hs.theme')) localStorage.setItem('hs.theme', 'light');
  });
});

for (const name of PAGE_NAMES) {
  test(`${name}: its title, its heading, axe clean in both themes, its dialogs too`, async ({ asAdmin: page, walk }) => {
    const consolePage = pageNamed(walk, name);
    await page.goto(consolePage.url);
    await expect(page.getByRole('heading', { level: 1, name: consolePage.heading })).toBeVisible();
    await expect(page).toHaveTitle(consolePage.title);
    await settled(page);
    const exclude = name === FRAME_CHECKED_ON ? [] : FRAME;
    await expectAccessible(page, name, { exclude });

    for (const dialog of dialogs(walk)[name] ?? []) {
      await checkDialog(
        page,
        page.getByRole('button', { name: dialog.opener, exact: true }).first(),
        dialogNamed(page, dialog.title),
        `the ${dialog.opener} dialog on ${name}`,
      );
    }
    // The account panel, from the header of every page.
    if (name === 'services') {
      await checkDialog(
        page,
        page.getByRole('button', { name: /^Account:/ }),
        page.getByRole('dialog', { name: 'Account' }),
        'the account panel',
      );
    }
    await checkDarkContrast(page, name, exclude);
  });
}

test('sign-in: its title, its heading, axe clean in both themes', async ({ page }) => {
  await page.goto(SIGN_IN_PAGE.url);
  await expect(page.getByRole('heading', { level: 1, name: SIGN_IN_PAGE.heading })).toBeVisible();
  await expect(page).toHaveTitle(SIGN_IN_PAGE.title);
  await expectAccessible(page, 'sign-in');
  await page.evaluate(() => localStorage.setItem('hs.theme', 'dark'));
  await page.reload();
  await expectAccessible(page, 'sign-in (dark)', { rules: ['color-contrast'] });
});

/** One build or deploy as the history lists it, having passed through `states` (the last is where it is now). */
function deploymentThrough(serviceId: string, kind: 'build' | 'deploy', build: boolean, states: string[]) {
  const at = (i: number) => new Date(Date.UTC(2026, 4, 1, 12, 0, i * 20)).toISOString();
  const state = states.at(-1)!;
  const finished = ['active', 'failed'].includes(state) || (kind === 'build' && state === 'built');
  return {
    id: '0f6f2d6e-0000-4000-8000-00000000d001',
    service_id: serviceId,
    kind,
    build,
    version_id: null,
    version: 1,
    state,
    message: state === 'failed' ? 'The container did not answer its health check within 300 s.' : null,
    started_by: { id: '0f6f2d6e-0000-4000-8000-00000000e001', email: 'developer@example.com' },
    started_at: at(0),
    finished_at: finished ? at(states.length) : null,
    events: states.map((s, i) => ({ state: s, at: at(i + 1), message: null })),
  };
}

/** Each state a step can be in, at least once: what the platform answers, and the steps the stepper then shows. */
const STEPPER_STATES = [
  {
    name: 'a build in progress',
    kind: 'build',
    build: true,
    states: ['building'],
    steps: [/Building\s*in progress/, /Built\s*not started/],
  },
  {
    name: 'a deploy in progress after its build',
    kind: 'deploy',
    build: true,
    states: ['building', 'built', 'deploying'],
    steps: [/Building\s*done/, /Built\s*done/, /Deploying\s*in progress/, /Active\s*not started/],
  },
  {
    name: 'a deploy of a prebuilt image in progress',
    kind: 'deploy',
    build: false,
    states: ['deploying'],
    steps: [/Building\s*skipped/, /Built\s*skipped/, /Deploying\s*in progress/, /Active\s*not started/],
  },
  {
    name: 'a failed deploy',
    kind: 'deploy',
    build: true,
    states: ['building', 'built', 'deploying', 'failed'],
    steps: [/Building\s*done/, /Built\s*done/, /Deploying\s*failed/, /Active\s*not started/],
  },
  {
    name: 'a prebuilt image deployed',
    kind: 'deploy',
    build: false,
    states: ['deploying', 'active'],
    steps: [/Building\s*skipped/, /Built\s*skipped/, /Deploying\s*done/, /Active\s*done/],
  },
] as const;

// One test a theme: the same page and service, the platform answering with each state in turn.
for (const theme of ['light', 'dark'] as const) {
  test(`the Deployment tab’s stepper in every state, ${theme} theme: axe clean`, async ({ asDeveloper: page, api }) => {
    // Five page loads and five axe runs.
    test.slow();
    if (theme === 'dark') await page.addInitScript(() => localStorage.setItem('hs.theme', 'dark'));
    const service = await api.publishedPersistent();
    // The platform answers with a fixed deployment in the state under test, so each is shown without a real one getting there.
    let state: (typeof STEPPER_STATES)[number] = STEPPER_STATES[0];
    const current = () => state.states.at(-1)!;
    await page.route(`**/api/v1${paths.deploymentStatus(SCOPE, service.id)}`, (route) =>
      route.fulfill({
        json: {
          deployment_state: current(),
          health: current() === 'active' ? 'healthy' : current() === 'failed' ? 'unhealthy' : 'unknown',
          message: current() === 'failed' ? 'The container did not answer its health check within 300 s.' : null,
          synced: current() === 'active',
        },
      }),
    );
    await page.route(new RegExp(`/api/v1${paths.deployments(SCOPE, service.id)}(\\?.*)?$`), (route) =>
      route.fulfill({
        json: { items: [deploymentThrough(service.id, state.kind, state.build, [...state.states])], total: 1, limit: 20, offset: 0 },
      }),
    );

    for (state of STEPPER_STATES) {
      await page.goto(serviceUrl(service, 'deployment'));
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem')).toHaveText([...state.steps]);
      await settled(page);
      // The page's own part (the walk above checks the frame): all of it in light, its contrast in dark.
      await expectAccessible(page, `the stepper showing ${state.name} (${theme})`, {
        include: 'main',
        ...(theme === 'dark' ? { rules: ['color-contrast'] } : {}),
      });
    }
  });
}
