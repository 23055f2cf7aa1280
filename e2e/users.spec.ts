import type { Page } from '@playwright/test';
import { paths, type Scope } from '../src/contract/paths';
import { expectAccessible } from './support/axe';
import { workspaceUrl } from './support/console';
import { expect, mainNav, test } from './support/fixtures';
import { login, platformAs, unique } from './support/platform';
import { mailedLink, newUser, tokenOf, uniqueEmail, useSession } from './support/users';

/** Each story that invites, changes or removes someone does it in an organization of its own (ownOrganization). */

const usersTable = (page: Page) => page.getByRole('table', { name: 'Users of the organization' });
const rowOf = (page: Page, text: string) => usersTable(page).getByRole('row').filter({ hasText: text });

async function openUsers(page: Page, scope?: Scope) {
  await page.goto(workspaceUrl('services', scope));
  await (await mainNav(page)).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
}

test.describe('users and invitations', () => {
  test('an admin invites someone; they accept from the mailed link in a fresh browser, land signed in, and sign in again later', async ({
    page,
    browser,
    baseURL,
    request,
    ownOrg: org,
  }) => {
    // A long address (they exist): it wraps, and the row's actions stay in view.
    const email = uniqueEmail('invitee-with-a-rather-long-address-from-the-finance-department');
    await openUsers(page, org.scope);
    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
    await dialog.getByRole('radio', { name: /^Developer/ }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowOf(page, email)).toContainText('invited');
    await expect(rowOf(page, email).getByRole('button', { name: `Withdraw the invitation to ${email}` })).toBeInViewport();

    // What the mock wrote to its log, as a mail catcher would have it.
    const link = await mailedLink(request, email);
    const token = tokenOf(link);
    expect(link.startsWith(`${baseURL}/accept-invitation#token=`)).toBe(true);

    const elsewhere = await browser.newContext({ baseURL });
    const invitee = await elsewhere.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
    // The token is read once and taken off the address; it is kept nowhere.
    await expect(invitee).toHaveURL(/\/accept-invitation$/);
    await expectAccessible(invitee, 'the accept page');
    await invitee.getByRole('textbox', { name: 'Your name' }).fill('Grace Invitee');
    await invitee.getByLabel('Password *', { exact: true }).fill('grace password');
    await invitee.getByLabel('Password again *', { exact: true }).fill('grace password');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(invitee.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();
    await expect(invitee.getByRole('button', { name: `Account: ${email}` })).toContainText('Grace Invitee');
    const stored = await invitee.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toContain(token);

    // Later, they sign in with the password they chose.
    await invitee.getByRole('button', { name: /^Account:/ }).click();
    await invitee.getByRole('button', { name: 'Sign out' }).click();
    await invitee.getByRole('textbox', { name: 'Email' }).fill(email);
    await invitee.getByLabel('Password', { exact: true }).fill('grace password');
    await invitee.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(invitee.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();

    // The link worked once.
    await invitee.goto(link);
    await invitee.getByLabel('Password *', { exact: true }).fill('again and again');
    await invitee.getByLabel('Password again *', { exact: true }).fill('again and again');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(invitee.getByRole('alert')).toContainText('This invitation has already been accepted');
    await elsewhere.close();

    await page.reload();
    await expect(rowOf(page, email)).toContainText('Grace Invitee');
    await expect(rowOf(page, email)).toContainText('active');
  });

  test('an admin changes a role; the user’s next action is refused', async ({ page, browser, baseURL, request, ownOrg: org }) => {
    // A ring, so that their New Service form has one to pick.
    await (await platformAs(request, org.accounts.admin, org.scope)).createRing('dev');
    const person = await newUser(request, org.accounts.admin, 'developer', unique('Role Changed'));
    const theirs = await browser.newContext({ baseURL });
    const them = await theirs.newPage();
    await useSession(them, person.tokens);
    await them.goto(workspaceUrl('services', org.scope));
    await them.getByRole('link', { name: 'New Service' }).click();
    await expect(them.getByRole('heading', { level: 1, name: 'New Service' })).toBeVisible();

    await openUsers(page, org.scope);
    await page.getByRole('searchbox', { name: 'Search users' }).fill(person.email);
    await page.getByRole('button', { name: `Change the role of ${person.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Change ${person.name}’s role` });
    await dialog.getByRole('radio', { name: /^Viewer/ }).check();
    await expect(dialog.getByRole('status')).toHaveText(
      `${person.name} becomes a viewer from their next request. Viewers may read everything and call GET endpoints through the gateway. They change nothing.`,
    );
    await dialog.getByRole('button', { name: 'Make a viewer' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowOf(page, person.email)).toContainText('viewer');

    // Their page still thinks they are a developer; the platform does not.
    await them.getByRole('textbox', { name: 'Name', exact: true }).fill(unique('Refused'));
    await them.getByLabel('Ring').selectOption({ index: 1 });
    await them.getByRole('button', { name: 'Create' }).click();
    await expect(them.getByRole('alert')).toContainText('Your role (viewer) cannot');
    await theirs.close();
  });

  test('removing a user ends their open session', async ({ page, browser, baseURL, request, ownOrg: org }) => {
    const person = await newUser(request, org.accounts.admin, 'viewer', unique('Leaving'));
    const theirs = await browser.newContext({ baseURL });
    const them = await theirs.newPage();
    await useSession(them, person.tokens);
    await them.goto(workspaceUrl('services', org.scope));
    await expect(them.getByRole('heading', { level: 1, name: 'Hosted Services' })).toBeVisible();

    await openUsers(page, org.scope);
    await page.getByRole('searchbox', { name: 'Search users' }).fill(person.email);
    await page.getByRole('button', { name: `Remove ${person.name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Remove ${person.name}?` });
    await expect(confirm).toContainText('their sessions end');
    await confirm.getByRole('button', { name: 'Remove user' }).click();
    await expect(page.getByText('No users match')).toBeVisible();

    // Their next request is refused, the refresh too: they are sent to sign in.
    await (await mainNav(them)).getByRole('link', { name: 'Connectors' }).click();
    await expect(them).toHaveURL(/\/login/);
    await expect(them.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await theirs.close();
  });

  // An organization of its own: its one admin stays the last, whatever other stories do with theirs.
  test('the last admin can be neither demoted nor removed, and the page says why before trying', async ({ page, request, ownOrg: org }) => {
    const admin = org.accounts.admin;
    await openUsers(page, org.scope);
    const me = rowOf(page, admin.email);
    await expect(me).toContainText('Last admin: make someone else an admin first');
    await expect(me.getByRole('button', { name: `Change the role of ${admin.name}` })).toBeDisabled();
    await expect(me.getByRole('button', { name: `Remove ${admin.name}` })).toBeDisabled();
    // The platform refuses it too.
    const { access_token } = await login(request, admin);
    const headers = { Authorization: `Bearer ${access_token}` };
    const demote = await request.put(`/api/v1${paths.user(admin.id)}`, { headers, data: { role: 'viewer' } });
    expect(demote.status()).toBe(409);
    expect((await request.delete(`/api/v1${paths.user(admin.id)}`, { headers })).status()).toBe(409);
  });

  test('everyone else reads the list; a developer sees no Invite', async ({ asDeveloper: page }) => {
    await openUsers(page);
    await expect(page.getByText('Only admins invite people, change roles and remove users.')).toBeVisible();
    await expect(rowOf(page, 'developer@example.com')).toContainText('(you)');
    await expect(page.getByRole('button', { name: 'Invite user' })).toHaveCount(0);
  });

  test('the accept page is axe clean in the dark theme, and says what a link without its token lacks', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('hs.theme', 'dark'));
    await page.goto('/accept-invitation#token=not-a-real-token');
    await expect(page).toHaveURL(/\/accept-invitation$/);
    await expectAccessible(page, 'the accept page (dark)', { rules: ['color-contrast'] });
    await page.getByLabel('Password *', { exact: true }).fill('long enough');
    await page.getByLabel('Password again *', { exact: true }).fill('long enough');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('This invitation link is not valid');
    await page.goto('/accept-invitation');
    await expect(page.getByRole('alert')).toContainText('This page needs the link from your invitation email, whole');
  });
});
