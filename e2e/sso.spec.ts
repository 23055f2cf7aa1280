import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

/** Single sign-on: the sign-in page, the mock's stand-in identity provider for example.com, and the console's callback. */

async function startSso(page: Page, email = 'developer@example.com') {
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Single sign-on' }).click();
  await page.getByRole('textbox', { name: 'Work email' }).fill(email);
  await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
}

/** The address the identity provider sends the browser back to (caught as it arrives: the console takes the code off it at once). */
async function answerOf(page: Page, signIn: () => Promise<void>): Promise<URL> {
  let answer: URL | null = null;
  const back = page.waitForURL((url) => {
    if (url.pathname === '/sso/callback' && url.searchParams.has('code')) answer = url;
    return answer !== null;
  });
  await signIn();
  await back;
  return answer!;
}

/** At the identity provider's page. */
async function signInAtProvider(page: Page, password = 'password') {
  await expect(page.getByRole('heading', { level: 1, name: 'Example Identity (stand-in)' })).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const ssoAlert = (page: Page) => page.getByRole('tabpanel', { name: 'Single sign-on' }).getByRole('alert');

test.describe('single sign-on', () => {
  test('signs in through the organization’s identity provider and back, leaving no code behind', async ({ page }) => {
    await startSso(page, 'Developer@Example.com');
    await expect(page).toHaveURL(/\/api\/v1\/mock-idp\/authorize\?/);
    await expect(page.getByLabel('Email')).toHaveValue('developer@example.com');
    await expectAccessible(page, 'the identity provider’s page');
    const code = (await answerOf(page, () => signInAtProvider(page))).searchParams.get('code')!;
    expect(code).toBeTruthy();
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Account: developer@example.com/ })).toBeVisible();
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toContain(code);
    expect(await page.evaluate(() => sessionStorage.getItem('hs.sso'))).toBeNull();
  });

  test('a domain without single sign-on is said on the email; a wrong password at the provider on its page', async ({ page }) => {
    await startSso(page, 'someone@elsewhere.org');
    await expect(page.getByText('Single sign-on is not set up for elsewhere.org')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Work email' })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'the single sign-on tab');

    await page.getByRole('textbox', { name: 'Work email' }).fill('viewer@example.com');
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await signInAtProvider(page, 'not the password');
    await expect(page.getByRole('alert')).toHaveText('Incorrect email or password');
  });

  test('an answer to another sign-in (a wrong state) is refused before anything is sent', async ({ page }) => {
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/auth/sso/callback')) sent.push(r.url());
    });
    await startSso(page);
    await expect(page).toHaveURL(/mock-idp/);
    await page.goto('/sso/callback?code=forged-code&state=forged-state');
    await expect(page).toHaveURL(/\/login$/);
    await expect(ssoAlert(page)).toContainText('does not match the sign-in this tab started');
    expect(sent).toEqual([]);
  });

  test('a used code, replayed, is refused by the platform and said on the sign-in page', async ({ page, browser, baseURL }) => {
    await startSso(page);
    const answer = await answerOf(page, () => signInAtProvider(page));
    const state = answer.searchParams.get('state')!;
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();

    // The same answer again, in a tab that had started that very sign-in.
    const replay = await browser.newContext({ baseURL });
    const again = await replay.newPage();
    await again.addInitScript((s) => sessionStorage.setItem('hs.sso', JSON.stringify({ state: s, redirect: null })), state);
    await again.goto(answer.href);
    await expect(again).toHaveURL(/\/login$/);
    await expect(ssoAlert(again)).toContainText('This sign-in code has already been used');
    expect(await again.evaluate(() => sessionStorage.getItem('hs.session'))).toBeNull();
    await replay.close();
  });

  test('cancelling at the identity provider is said on the sign-in page; both pages are axe clean in the dark theme', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('hs.theme', 'dark'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await startSso(page);
    await expect(page).toHaveURL(/mock-idp/);
    await expectAccessible(page, 'the identity provider’s page (dark)', { rules: ['color-contrast'] });
    await page.getByRole('link', { name: 'Cancel and go back to Hosted Services' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(ssoAlert(page)).toHaveText(/You cancelled at the identity provider/);
    await expectAccessible(page, 'the single sign-on tab with its failure (dark)', { rules: ['color-contrast'] });
  });
});
