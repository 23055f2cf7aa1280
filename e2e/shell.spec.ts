import type { Page } from '@playwright/test';
import { paths } from '../src/contract/paths';
import { expectAccessible } from './support/axe';
import { advanceClock, SIGN_IN_WINDOW_S } from './support/clock';
import { workspaceUrl } from './support/console';
import { expect, mainNav, openTab, SERVICES_URL, skipRetryWaits, test } from './support/fixtures';
import { IDS } from '../mock-server/core/seed-ids';
import { ownWorkspace, platformAs, serviceWithCanary, unique } from './support/platform';

/** The app frame: focus after navigating and after dialogs, the skip link, pages that fail, and waits the platform asks for. */

const activeElement = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? null);

test.describe('focus', () => {
  test('moves to the new page’s heading after a navigation (whose title names it), not on the first load nor when a filter changes', async ({
    asDeveloper: page,
    api,
  }) => {
    const service = await api.createInvocationService(unique('Focus Target'));
    await page.goto(SERVICES_URL);
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
    expect(await activeElement(page)).toBe('BODY');

    // A filter is a change of the URL's search, not a new page: focus stays in the search box.
    const search = page.getByRole('searchbox', { name: 'Search services' });
    await search.fill(service.name);
    await expect(page).toHaveURL(/q=Focus/);
    await expect(search).toBeFocused();

    await page.getByRole('table').getByRole('link', { name: service.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeFocused();

    await openTab(page, 'Traffic');
    await expect(page).toHaveURL(/\/traffic$/);
    await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeFocused();
    // Each page is titled by what it is, most specific first.
    await expect(page).toHaveTitle(`Traffic · ${service.name} · Hosted Services`);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${service.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeFocused();
    await expect(page).toHaveTitle(`Overview · ${service.name} · Hosted Services`);
  });

  test('a skip link leads past the navigation to the page', async ({ asDeveloper: page }) => {
    await page.goto(SERVICES_URL);
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // The next Tab lands in the page, not back in the sidebar.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
  });

  test('returns to what opened a dialog: after Cancel, after a successful submit, from a row, and to the heading when the row is gone', async ({
    asAdmin: page,
    request,
  }) => {
    // Rings, in a workspace of its own (with one, so the page shows its table): its promotion path is the story's to change.
    const scope = await ownWorkspace(request, ['dev']);
    const name = unique('focus').toLowerCase();
    await page.goto(workspaceUrl('rings', scope));
    const newRing = page.getByRole('button', { name: 'New ring' });
    const dialog = page.getByRole('dialog', { name: 'New ring' });

    await newRing.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(newRing).toBeFocused();

    await newRing.click();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create ring' }).click();
    await expect(dialog).toBeHidden();
    await expect(newRing).toBeFocused();

    // A row's action: focus comes back to that row's button, even after the row was renamed.
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ring ${name}` });
    await edit.getByLabel('Name').fill(`${name}-2`);
    await edit.getByRole('button', { name: 'Save ring' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('button', { name: `Edit ${name}-2` })).toBeFocused();

    // Deleting the row removes the button that opened the dialog: the page's heading takes focus.
    await page.getByRole('button', { name: `Delete ${name}-2` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete ring' }).click();
    await expect(page.getByRole('rowheader', { name: `${name}-2`, exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Rings' })).toBeFocused();
  });
});

test.describe('pages that cannot be shown, inside the frame', () => {
  const inTheFrame = async (page: Page) => {
    await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  };

  test('an unknown address in a workspace: a heading, the frame, and a way back', async ({ asDeveloper: page }) => {
    await page.goto(workspaceUrl('services').replace(/services$/, 'no-such-page'));
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found · Hosted Services');
    await inTheFrame(page);
    await page.getByRole('link', { name: 'Go to Hosted Services' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
  });

  test('an unknown address anywhere, and a workspace that does not exist, keep the frame to sign out from', async ({
    asDeveloper: page,
  }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await inTheFrame(page);

    await page.goto(`/orgs/${IDS.org}/workspaces/${crypto.randomUUID()}/services`);
    await expect(page.getByRole('heading', { level: 1, name: 'Workspace not found' })).toBeVisible();
    await expect(page).toHaveTitle('Workspace not found · Hosted Services');
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  test('signed out, an unknown address offers to sign in', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('a deleted service says so', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Short Lived'));
    expect((await api.send('DELETE', paths.service({ orgId: IDS.org, workspaceId: IDS.production }, service.id))).status()).toBe(204);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Service not found' })).toBeVisible();
    await expect(page).toHaveTitle('Service not found · Hosted Services');
    await inTheFrame(page);
    await page.getByRole('link', { name: 'Go to Hosted Services' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
  });

  test('a tab whose data fails to load offers a retry, inside the service’s page', async ({ asDeveloper: page, request }) => {
    const { service } = await serviceWithCanary(request);
    const versions = (url: URL) => url.pathname.endsWith(`/hosted-services/${service.id}/versions`);
    await page.route(versions, (route) => route.fulfill({ status: 503, json: { detail: 'The platform is busy' } }));
    await page.clock.install();
    await page.goto(`${SERVICES_URL}/${service.id}/traffic`);
    await skipRetryWaits(page, page.getByRole('heading', { level: 2, name: 'This page could not be loaded' }));
    await expect(page.getByText('The platform is busy')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
    await page.unroute(versions);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Traffic split' })).toBeVisible();
  });
});

test.describe('Retry-After', () => {
  const LIST = '**/hosted-services?*';

  /** The services list's first call answers 429 with `Retry-After`, on a clock the test moves; later calls reach the mock. Returns how many were made. */
  async function throttleFirstCall(page: Page, retryAfterS: number, detail: string): Promise<() => number> {
    await page.clock.install();
    let calls = 0;
    await page.route(LIST, (route) => {
      calls += 1;
      return calls === 1
        ? route.fulfill({ status: 429, headers: { 'Retry-After': String(retryAfterS) }, json: { detail } })
        : route.continue();
    });
    return () => calls;
  }

  test('the services list waits the 30 s a 429 asks for, counting down, and never retries sooner', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Throttled'));
    const calls = await throttleFirstCall(page, 30, 'Slow down');
    // Searched: the list shows a page at a time.
    await page.goto(`${SERVICES_URL}?q=${encodeURIComponent(service.name)}`);
    await expect(page.getByText(/Too many requests — trying again in (30|29) s$/)).toBeVisible();

    await page.clock.fastForward(20_000);
    await expect(page.getByText(/Too many requests — trying again in (10|9) s$/)).toBeVisible();
    expect(calls()).toBe(1);

    await page.clock.fastForward(10_000);
    await expect(page.getByRole('table').getByRole('link', { name: service.name, exact: true })).toBeVisible();
    await expect(page.getByText(/Too many requests/)).toBeHidden();
    expect(calls()).toBe(2);
  });

  test('a wait of minutes is shown at once, with Try again held until it has passed', async ({ asDeveloper: page, api }) => {
    const service = await api.createInvocationService(unique('Held'));
    const calls = await throttleFirstCall(page, 120, 'Too many requests. Slow down.');
    await page.goto(`${SERVICES_URL}?q=${encodeURIComponent(service.name)}`);
    await expect(page.getByRole('heading', { name: 'Services could not be loaded' })).toBeVisible();
    await expect(page.getByText(/You can try again in (2 min 00|1 min 59) s$/)).toBeVisible();
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect(retry).toBeDisabled();

    await page.clock.fastForward(120_000);
    await expect(retry).toBeEnabled();
    expect(calls()).toBe(1);
    await retry.click();
    await expect(page.getByRole('table').getByRole('link', { name: service.name, exact: true })).toBeVisible();
  });

  test('a throttled sign-in says how long to wait, sends nothing before, and tries again once the wait has passed', async ({
    page,
    request,
  }) => {
    const email = `${unique('locked')}@example.com`;
    // The mock counts failures per email; ten within its window and the next attempts are a 429 with Retry-After.
    for (let i = 0; i < 10; i++) {
      expect((await request.post(`/api/v1${paths.login()}`, { data: { email, password: 'wrong' } })).status()).toBe(401);
    }
    const attempts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(paths.login())) attempts.push(r.url());
    });
    await page.clock.install();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('password');
    const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    await signIn.click();

    await expect(page.getByRole('alert')).toContainText('Too many failed sign-in attempts for this account.');
    await expect(page.getByRole('alert')).toContainText(/You can try again in \d min \d\d s/);
    await expect(signIn).toBeDisabled();
    await page.getByLabel('Password', { exact: true }).fill('password');
    await page.getByLabel('Password', { exact: true }).press('Enter');

    // The window passes, on the platform's clock and the page's: Sign in is back, and the next attempt goes out.
    await advanceClock(request, SIGN_IN_WINDOW_S * 1000);
    await page.clock.fastForward(SIGN_IN_WINDOW_S * 1000);
    await expect(signIn).toBeEnabled();
    await signIn.click();
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    // Only the first attempt and this one: had Enter sent one while Sign in waited, it would have gone out before this.
    expect(attempts).toHaveLength(2);
  });
});

test.describe('the sidebar', () => {
  test('groups what admins manage under Admin, where a developer following seed 000 finds a ring ID (Admin › Deployments › Rings)', async ({
    asDeveloper: page,
    request,
  }) => {
    // A ring of its own, in a workspace of its own: the ID it finds is one it made.
    const scope = await ownWorkspace(request, ['dev']);
    await page.goto(workspaceUrl('services', scope));
    const admin = (await mainNav(page)).getByRole('list', { name: 'Admin' });
    // What only admins change is there for everyone to read; what only admins may see is not.
    await expect(admin.getByRole('link')).toHaveText(['Rings', 'Users', 'Organization']);
    await admin.getByRole('list', { name: 'Deployments' }).getByRole('link', { name: 'Rings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rings' })).toBeVisible();
    const [dev] = await (await platformAs(request, 'developer', scope)).rings();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'dev', exact: true }) });
    await expect(row.getByRole('cell').filter({ hasText: dev!.id })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Copy the ID of dev' })).toBeVisible();
  });

  test('an admin’s Admin group holds Credentials and API keys too', async ({ asAdmin: page }) => {
    await page.goto(SERVICES_URL);
    await expect((await mainNav(page)).getByRole('list', { name: 'Admin' }).getByRole('link')).toHaveText([
      'Rings',
      'Users',
      'Credentials',
      'API keys',
      'Organization',
    ]);
  });
});

test.describe('Go to', () => {
  test(
    'Ctrl K finds a service by a part of its name and opens it; the header’s button opens a page; Escape returns focus',
    { tag: '@phone' },
    async ({ asDeveloper: page, api }) => {
      const service = await api.createInvocationService(unique('Go To Heron'));
      await page.goto(SERVICES_URL);
      await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();

      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: 'Go to' });
      const input = dialog.getByRole('combobox', { name: 'Go to' });
      await expect(input).toBeFocused();
      await input.fill(service.name.slice(0, 14));
      const found = dialog.getByRole('option', { name: new RegExp(service.name) });
      await expect(found).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(page, 'the Go to palette');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`/services/${service.id}$`));
      await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeFocused();

      const button = page.getByRole('button', { name: 'Go to…' });
      await button.click();
      await input.fill('rings');
      await expect(dialog.getByRole('option')).toHaveText(['Rings']);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Rings' })).toBeFocused();

      await button.click();
      await expect(input).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(button).toBeFocused();
    },
  );
});

test.describe('dialogs', () => {
  /** Relative luminance (WCAG) of an `rgb(…)`/`rgba(…)` colour laid over `under`. */
  const seen = (colour: string, under: number[] = [0, 0, 0]) => {
    const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
    return [r, g, b].map((c, i) => c * a + under[i]! * (1 - a));
  };
  const luminance = ([r, g, b]: number[]) =>
    [r!, g!, b!]
      .map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);

  test('stand apart from the page in both themes: the page under the overlay is dimmed well below the dialog', async ({
    asAdmin: page,
  }) => {
    await page.goto(SERVICES_URL);
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => localStorage.setItem('hs.theme', t), theme);
      await page.reload();
      await page.getByRole('combobox', { name: 'Workspace', exact: true }).selectOption({ label: 'New workspace…' });
      const dialog = page.getByRole('dialog', { name: 'New workspace' });
      await expect(dialog).toBeVisible();
      const [page_, overlay, surface] = await dialog.evaluate((d) => [
        getComputedStyle(document.body).backgroundColor,
        // What lies over the page at its corner, away from the dialog: the overlay.
        getComputedStyle(document.elementFromPoint(2, 2)!).backgroundColor,
        getComputedStyle(d).backgroundColor,
      ]);
      const dimmed = luminance(seen(overlay, seen(page_)));
      expect(luminance(seen(surface)), `${theme}: the dialog against the dimmed page`).toBeGreaterThan(4 * dimmed);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  });
});
