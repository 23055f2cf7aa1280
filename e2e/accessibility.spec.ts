import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { findPages, PAGE_NAMES, SIGN_IN_PAGE } from './support/pages';

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
