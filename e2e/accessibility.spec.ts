import type { Locator, Page } from '@playwright/test';
import { paths } from '../src/contract/paths';
import { expectAccessible, seriousViolations } from './support/axe';
import { serviceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { findPages, PAGE_NAMES, SIGN_IN_PAGE } from './support/pages';
import { SCOPE } from './support/platform';

/**
 * Every page an admin sees: its own title, its h1, and no serious or critical
 * axe violation — then every dialog it opens, checked open, closed with
 * Escape, and focus back on what opened it; then the page's contrast again in
 * the dark theme. Nothing here is confirmed: the seeded services stay as they are.
 */
type DialogCase = {
  /** The button that opens it (by accessible name; the first that matches). */
  opener: string | RegExp;
  /** The dialog's title. */
  title: string | RegExp;
};

// One dialog of each kind a page has (a form, a wide editor, a confirmation): the same component twice adds time, not checks.
const DIALOGS: Record<string, DialogCase[]> = {
  agents: [{ opener: 'New instance of Support triage', title: /Support triage/ }],
  rings: [{ opener: 'Edit dev', title: 'Edit ring dev' }],
  connectors: [
    { opener: 'New PostgreSQL instance', title: 'New PostgreSQL instance' },
    { opener: 'Delete orders-db', title: 'Delete orders-db?' },
  ],
  'api-keys': [{ opener: 'New API key', title: 'New API key' }],
  users: [
    { opener: 'Invite user', title: 'Invite a user' },
    { opener: 'Change the role of Dev Developer', title: 'Change Dev Developer’s role' },
    { opener: 'Remove Vic Viewer', title: 'Remove Vic Viewer?' },
  ],
  organization: [{ opener: 'New workspace', title: 'New workspace' }],
  'service-version-draft': [
    { opener: 'Edit GET /languages', title: /GET \/languages/ },
    { opener: 'Publish…', title: /Publish/ },
  ],
  'service-traffic': [{ opener: 'Promote v2', title: 'Promote v2 to 100%?' }],
  'service-deployment': [{ opener: 'Build', title: /build/i }],
  'service-bindings': [{ opener: 'Add binding', title: 'Add binding' }],
  'service-settings': [{ opener: 'Delete service', title: 'Delete Embedding Service?' }],
};

const DIALOG = '[role="dialog"], [role="alertdialog"]';
const dialogNamed = (page: Page, title: string | RegExp) =>
  page.getByRole('dialog', { name: title }).or(page.getByRole('alertdialog', { name: title }));

async function checkDialog(page: Page, opener: Locator, dialog: Locator, what: string) {
  await opener.click();
  await expect(dialog).toBeVisible();
  await expectAccessible(page, what, { include: DIALOG });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener, `focus back on what opened ${what}`).toBeFocused();
}

/** The contrast once more, in the dark theme (switched from the header, as a user does). */
async function checkDarkContrast(page: Page, what: string) {
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, `${what} (dark)`, { rules: ['color-contrast'] });
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('hs.theme')) localStorage.setItem('hs.theme', 'light');
  });
});

for (const name of PAGE_NAMES) {
  test(`${name}: its title, its heading, axe clean in both themes, its dialogs too`, async ({ asAdmin: page, api }) => {
    const consolePage = (await findPages(api.versions)).find((p) => p.name === name)!;
    await page.goto(consolePage.url);
    await expect(page.getByRole('heading', { level: 1, name: consolePage.heading })).toBeVisible();
    await expect(page).toHaveTitle(consolePage.title);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, name);

    for (const dialog of DIALOGS[name] ?? []) {
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
    await checkDarkContrast(page, name);
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

for (const theme of ['light', 'dark'] as const) {
  test(`the Deployment tab’s stepper, ${theme} theme: axe clean in every state (building, skipped, failed, done, current)`, async ({
    asDeveloper: page,
    api,
  }) => {
    test.slow(); // five page loads and five axe runs
    if (theme === 'dark') await page.addInitScript(() => localStorage.setItem('hs.theme', 'dark'));
    const service = await api.publishedPersistent();
    // The platform answers with one fixed deployment per state, so each state is shown without waiting for a real one.
    let shown: (typeof STEPPER_STATES)[number] = STEPPER_STATES[0];
    await page.route(`**/api/v1${paths.deploymentStatus(SCOPE, service.id)}`, (route) => {
      const state = shown.states.at(-1)!;
      return route.fulfill({
        json: {
          deployment_state: state,
          health: state === 'active' ? 'healthy' : state === 'failed' ? 'unhealthy' : 'unknown',
          message: state === 'failed' ? 'The container did not answer its health check within 300 s.' : null,
          synced: state === 'active',
        },
      });
    });
    await page.route(new RegExp(`/api/v1${paths.deployments(SCOPE, service.id)}(\\?.*)?$`), (route) =>
      route.fulfill({
        json: { items: [deploymentThrough(service.id, shown.kind, shown.build, [...shown.states])], total: 1, limit: 20, offset: 0 },
      }),
    );

    for (const state of STEPPER_STATES) {
      shown = state;
      await page.goto(serviceUrl(service, 'deployment'));
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem')).toHaveText([...state.steps]);
      // Soft: one run reports every state that fails, not only the first. The whole page in light, its contrast in dark (as the walk above).
      expect
        .soft(
          await seriousViolations(page, theme === 'dark' ? { rules: ['color-contrast'] } : {}),
          `axe on the stepper showing ${state.name} (${theme})`,
        )
        .toEqual([]);
    }
  });
}
