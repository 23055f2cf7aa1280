import type { Browser } from '@playwright/test';
import { workspaceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { unique } from './support/platform';

/** A browser context of its own, signed in to nothing: as someone else's machine. */
async function freshSignIn(browser: Browser, baseURL: string | undefined, key: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('tab', { name: 'API key' }).click();
  await expect(page.getByText(/made by an admin of your organization on its API keys page/)).toBeVisible();
  await page.getByRole('textbox', { name: 'API key' }).fill(key);
  await page.getByRole('button', { name: 'Sign in with API key' }).click();
  return { context, page };
}

test.describe('organization API keys', () => {
  test('an admin creates a key, it signs someone in elsewhere; once revoked, signing in with it fails and says why', async ({
    page,
    // An organization of its own: its keys are the organization's.
    ownOrg: _ownOrg,
    browser,
    baseURL,
  }) => {
    const name = unique('CI pipeline');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    // A new organization has no keys yet: the page says so and offers the first (beside the header's button).
    const none = page.getByRole('status').filter({ hasText: 'No API keys' });
    await none.getByRole('button', { name: 'New API key' }).click();
    const form = page.getByRole('dialog', { name: 'New API key' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('button', { name: 'Create key' }).click();

    // Shown once, in a dialog that stays until the admin says it is copied.
    const shown = page.getByRole('dialog', { name: 'API key created' });
    const key = await shown.getByRole('textbox', { name: new RegExp(`API key “${name}”`) }).inputValue();
    expect(key).toMatch(/^fl_/);
    await page.keyboard.press('Escape');
    await expect(shown).toBeVisible();
    await expect(shown.getByRole('button', { name: 'Done' })).toBeDisabled();
    await shown.getByRole('checkbox', { name: 'I have copied the key and stored it safely' }).check();
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
    await expect(page.locator('body')).not.toContainText(key);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row).toContainText(`${key.slice(0, 11)}…`);

    // Someone else signs in with it.
    const elsewhere = await freshSignIn(browser, baseURL, key);
    await expect(elsewhere.page).toHaveURL(/\/services$/);
    await expect(elsewhere.page.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
    await page.reload();
    await expect(row).not.toContainText('never');

    // Revoked: refused at once, with a clear message, and the session it opened ends.
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await page
      .getByRole('alertdialog', { name: `Revoke ${name}?` })
      .getByRole('button', { name: 'Revoke key' })
      .click();
    await expect(row.getByText('revoked')).toBeVisible();
    const again = await freshSignIn(browser, baseURL, key);
    await expect(again.page.getByRole('alert')).toHaveText(
      /That API key has been revoked: it no longer signs anyone in\. Ask an admin of your organization for a new one\./,
    );
    await expect(again.page).toHaveURL(/\/login/);
    await elsewhere.page.reload();
    await expect(elsewhere.page).toHaveURL(/\/login/);
    await elsewhere.context.close();
    await again.context.close();
  });

  test('a developer has no API keys page', async ({ asDeveloper: page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' })).toHaveCount(0);
    await page.goto(workspaceUrl('api-keys'));
    await expect(page.getByText('Only admins manage API keys')).toBeVisible();
  });
});
