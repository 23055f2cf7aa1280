import { paths } from '../src/contract/paths';
import { advanceClock, REFRESH_TTL_S, TOKEN_TTL_S } from './support/clock';
import { expect, SERVICES_URL, signInWithPassword, test, watchRefreshes } from './support/fixtures';

test.describe('signing in and out', () => {
  test('signs in with email and password, survives a reload, and signs out', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    // A first visit: no session ended, nothing to explain.
    await expect(page.getByText('Your session ended')).toHaveCount(0);
    await signInWithPassword(page);

    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Account: developer@example.com/ })).toBeVisible();

    // The session survives a reload, and no token is ever put in localStorage.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    const local = await page.evaluate(() => JSON.stringify(localStorage));
    expect(local).not.toMatch(/eyJ|refresh|token/i);

    await page.getByRole('button', { name: /Account:/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(await page.evaluate(() => sessionStorage.getItem('hs.session'))).toBeNull();

    // Signed out means signed out: the services page sends you to sign in.
    await page.goto(SERVICES_URL);
    await expect(page).toHaveURL(/\/login\?redirect=/);
  });

  test('says so when the password is wrong, and keeps the email', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill('developer@example.com');
    await page.getByLabel('Password', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('developer@example.com');
    // The password is emptied and the keyboard is in it, ready for another try.
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  });

  test('validates the sign-in form before sending it', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page.getByText('Enter your password')).toBeVisible();
  });

  test('signs in with an API key', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('tab', { name: 'API key' }).click();
    await page.getByRole('textbox', { name: 'API key' }).fill('fl_demo_admin');
    await page.getByRole('button', { name: 'Sign in with API key' }).click();
    await expect(page.getByRole('button', { name: /Account: admin@example.com/ })).toBeVisible();
  });

  test('refreshes an expired access token once and carries on', async ({ page, request }) => {
    await page.goto('/login');
    await signInWithPassword(page);
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();

    // The platform's clock passes the access token's life: the platform refuses it now; the refresh token is still good.
    // (The console learns it from the 401: its own clock, which has not moved, still counts the token as live.)
    const expired = `Bearer ${await page.evaluate(() => (JSON.parse(sessionStorage.getItem('hs.session')!) as { accessToken: string }).accessToken)}`;
    const back = page.url();
    // Off the console while the clock moves (the tab keeps its session): a poll of the open page would otherwise meet
    // the expired token first, refresh, and leave the return below nothing to race.
    await page.goto('about:blank');
    await advanceClock(request, TOKEN_TTL_S * 1000);
    const refreshes = watchRefreshes(page);
    // The race this story once lost by chance, made certain: the first request's 401 starts the refresh; every
    // other request sent with the expired token gets its 401 only once the refresh has finished. Those must
    // retry with the new token, not refresh again (a rotated refresh token spent twice can sign the user out).
    const refreshed = page.waitForResponse((r) => r.url().endsWith(paths.refresh()));
    const late: Promise<unknown>[] = [];
    let first = true;
    let held = 0;
    await page.route('**/api/v1/**', async (route) => {
      if ((await route.request().headerValue('Authorization')) !== expired) return route.fallback();
      if (first) {
        first = false;
        return route.fallback();
      }
      held += 1;
      const answer = await route.fetch();
      await refreshed;
      late.push(
        page.waitForResponse(
          async (r) => r.url() === route.request().url() && (await r.request().headerValue('Authorization')) !== expired,
        ),
      );
      await route.fulfill({ response: answer });
    });
    await page.goto(back);
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Account: developer@example.com/ })).toBeVisible();
    // The page may draw before the late answers are all in (whichever request it waits for came first): count them as they come.
    await expect
      .poll(() => late.length, { message: 'some requests were sent with the expired token alongside the first' })
      .toBeGreaterThan(0);
    await expect.poll(() => late.length, { message: 'every late request answered' }).toBe(held);
    // Each late request comes back with the new token: a second refresh would have gone before it.
    await Promise.all(late);
    expect(refreshes).toHaveLength(1);
  });

  test('sends you to sign in when the session cannot be refreshed, then back to where you were', async ({ page, request }) => {
    await page.goto('/login');
    // The list's figures are asked for after it paints: answered before the clock moves, or their 401 would end the
    // session on this page, and the new page below would then find no session rather than one that cannot be refreshed.
    const figures = ['/service-metrics', '/service-rollouts'].map((path) => page.waitForResponse((r) => r.url().includes(path)));
    await signInWithPassword(page);
    await expect(page.getByRole('heading', { name: 'Hosted Services' })).toBeVisible();
    await Promise.all(figures);

    // A week later on the platform's clock, the refresh token has expired too.
    await advanceClock(request, REFRESH_TTL_S * 1000);
    const deepLink = `${SERVICES_URL}?status=active`;
    await page.goto(deepLink);
    await expect(page).toHaveURL(/\/login\?redirect=/);
    // Said, not left to guess: why the sign-in page, and that signing in goes back.
    await expect(page.getByRole('status').filter({ hasText: 'Your session ended' })).toHaveText(
      'Your session ended. Sign in again to go back to where you were.',
    );
    await signInWithPassword(page);
    await expect(page).toHaveURL(new RegExp(`${SERVICES_URL}\\?status=active$`));
    await expect(page.getByLabel('Status')).toHaveValue('active');
  });
});
