import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { paths } from '../../src/contract/paths';
import { SERVICES_URL } from './console';
import { emailOf, login, platformAs, type PlatformApi, type Role } from './platform';

export { expect };

/** Sign in through the API and hand the session to the page as the console keeps it (sessionStorage). */
export async function signInAs(page: Page, request: APIRequestContext, role: Role) {
  const tokens = await login(request, role);
  await page.addInitScript((t) => {
    if (!sessionStorage.getItem('hs.session')) {
      sessionStorage.setItem(
        'hs.session',
        JSON.stringify({ accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: Date.now() + t.expires_in * 1000 }),
      );
    }
  }, tokens);
  return tokens;
}

/** Sign in on the sign-in page, as a person does, and wait for the services list. */
export async function signInWithPassword(page: Page, role: Role = 'developer') {
  await page.getByRole('textbox', { name: 'Email' }).fill(emailOf(role));
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

/** The refresh requests the page makes from now on. */
export function watchRefreshes(page: Page) {
  const refreshes: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(paths.refresh())) refreshes.push(r.url());
  });
  return refreshes;
}

export const test = base.extend<{ asDeveloper: Page; asAdmin: Page; asViewer: Page; api: PlatformApi }>({
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
});

export { SERVICES_URL };
