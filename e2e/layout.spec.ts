import type { Locator, Page } from '@playwright/test';
import { expect, mainNav, SERVICES_URL, settled, signInAs } from './support/fixtures';
import { PAGE_NAMES, SIGN_IN_PAGE, type ConsolePage } from './support/pages';
import { unique } from './support/platform';
import { pageNamed, test } from './support/walk';

/** On a phone (the phone project, 390 px): nothing scrolls sideways, the sidebar is a menu, dialogs fit. The width is pinned here, so run under any project these checks still check a phone. */
test.use({ viewport: { width: 390, height: 844 } });

const pageWidth = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

async function expectNoSidewaysScroll(page: Page, consolePage: ConsolePage) {
  await page.goto(consolePage.url);
  await expect(page.getByRole('heading', { level: 1, name: consolePage.heading })).toBeVisible();
  await settled(page);
  const { scroll, client } = await pageWidth(page);
  expect(scroll, `${consolePage.name} is ${scroll} px wide at ${client} px`).toBeLessThanOrEqual(client);
}

// The pages (of the walk's own service: support/walk.ts) in three tests, spread over the workers; one
// context each, so each page after the first loads the console's code from its cache.
const GROUPS = 3;
const size = Math.ceil(PAGE_NAMES.length / GROUPS);
for (let g = 0; g < GROUPS; g++) {
  const names = PAGE_NAMES.slice(g * size, (g + 1) * size);
  test(
    `no page scrolls sideways at 390 px: ${(g === 0 ? [SIGN_IN_PAGE.name, ...names] : names).join(', ')}`,
    { tag: '@phone' },
    async ({ page, request, walk }) => {
      // The sign-in page first, signed out.
      if (g === 0) await expectNoSidewaysScroll(page, SIGN_IN_PAGE);
      await signInAs(page, request, 'admin');
      for (const name of names) await expectNoSidewaysScroll(page, pageNamed(walk, name));
    },
  );
}

test(
  'the sidebar is a menu: the keyboard opens it, Escape closes it and focus returns, a link closes it',
  { tag: '@phone' },
  async ({ asAdmin: page }) => {
    await page.goto(SERVICES_URL);
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    // From the top of the page: the skip link, then the Menu button, opened with Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Hosted Services' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await (await mainNav(page)).getByRole('link', { name: 'Rings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rings' })).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  },
);

test('the header fits: the workspace, the theme and the account menu with Sign out', { tag: '@phone' }, async ({ asDeveloper: page }) => {
  await page.goto(SERVICES_URL);
  for (const control of [
    page.getByLabel('Organization'),
    page.getByLabel('Workspace'),
    page.getByRole('button', { name: /Switch to (dark|light) theme/ }),
    page.getByRole('button', { name: /^Account:/ }),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  // The workspace's name is whole ("Production", not "Produ…"): as wide as it would be with all the room it wants.
  const workspace = page.getByRole('combobox', { name: 'Workspace', exact: true });
  const [shown, wanted] = await workspace.evaluate((select: HTMLElement) => {
    const width = select.getBoundingClientRect().width;
    select.style.setProperty('flex', 'none');
    select.style.setProperty('max-width', 'none');
    return [width, select.getBoundingClientRect().width];
  });
  expect(shown).toBeGreaterThanOrEqual(wanted - 0.5);
  await page.getByRole('button', { name: /^Account:/ }).click();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await expect(signOut).toBeInViewport({ ratio: 1 });
  await signOut.click();
  await expect(page).toHaveURL(/\/login/);
});

test('a wide dialog goes single column and fits the screen', { tag: '@phone' }, async ({ asDeveloper: page, api }) => {
  const service = await api.createInvocationService(unique('Phone Dialog'));
  const [draft] = await api.versions(service.id);
  await page.goto(`${SERVICES_URL}/${service.id}/versions/${draft!.id}`);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  // Method and path stack: the path field starts below the method, not beside it.
  const method = (await dialog.getByLabel('Method').boundingBox())!;
  const path = (await dialog.getByLabel('Path', { exact: true }).boundingBox())!;
  expect(path.y).toBeGreaterThan(method.y);
});

test(
  'a JSON editor wraps long lines: the Test tab’s body and an endpoint’s schema fit the screen',
  { tag: '@phone' },
  async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Phone JSON'));
    await api.addEndpoint(service.id, { method: 'POST', path: '/summarize', summary: 'Summarize a document' });
    const [v1] = await api.versions(service.id);
    expect((await api.publish(service.id, v1!.id)).status()).toBe(200);
    const long = `{"text": "${'a long line of text that would run past the edge of a phone '.repeat(4)}end"}`;
    /** The editor's text: within the screen, every line wrapped, and the page no wider than the screen. */
    const fits = async (editor: Locator) => {
      await editor.fill(long);
      await expect(editor.getByText(/end"}$/)).toBeVisible();
      // Unwrapped, the text runs ~2000 px wide, scrolled so that its end shows: its start is far left of the screen.
      const box = (await editor.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const { scroll, client } = await pageWidth(page);
      expect(scroll).toBeLessThanOrEqual(client);
    };

    await page.goto(`${SERVICES_URL}/${service.id}/test`);
    await page.getByLabel('Endpoint').selectOption('POST /summarize');
    await fits(page.getByRole('textbox', { name: 'Request body' }));

    const draft = await api.createVersion(service.id);
    await page.goto(`${SERVICES_URL}/${service.id}/versions/${draft.id}`);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await fits(page.getByRole('dialog').getByRole('textbox', { name: 'Request schema (JSON Schema)' }));
  },
);
