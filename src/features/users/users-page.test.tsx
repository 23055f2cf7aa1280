import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { paths } from '@/contract/paths';
import { User, UserPage } from '@/contract/users';
import { fillAndSubmit } from '@/testing/forms';
import { callPlatform, mailTo, platform, signInAs, USERS } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { UsersPage } from './users-page';
import { USERS_SEARCH_DEFAULTS, type UsersSearch } from './users-search';

/** The page with its list state held as the route would hold it in the URL. */
function Harness() {
  const [search, setSearch] = useState<UsersSearch>({ ...USERS_SEARCH_DEFAULTS });
  return <UsersPage search={search} onSearchChange={(next) => setSearch((s) => ({ ...s, ...next }))} />;
}

const rowOf = async (name: string | RegExp) => (await screen.findByRole('rowheader', { name })).closest('tr')!;
const usersNow = async () => (await callPlatform('admin', 'GET', `${paths.users()}?limit=100`, undefined, UserPage)).items;

describe('the users page', () => {
  beforeEach(() => signInAs('admin'));

  it('invites someone: the email and role checked as the platform checks them, a duplicate said on the email', async () => {
    const { user } = await renderFeature(<Harness />);
    expect(await rowOf(/^Ada Admin ?\(you\)/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Invite user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a user' });
    // Each role says what it may do.
    expect(within(dialog).getByText(/Viewers may read everything/)).toBeTruthy();
    await fillAndSubmit(user, dialog, { Email: 'not an email' }, 'Send invitation');
    expect(await within(dialog).findByText('Enter a valid email address, such as name@example.com')).toBeTruthy();
    await fillAndSubmit(user, dialog, { Email: 'developer@example.com' }, 'Send invitation');
    expect(await within(dialog).findByText('developer@example.com already has an account: change their role instead.')).toBeTruthy();

    await user.click(within(dialog).getByRole('radio', { name: /^Viewer/ }));
    await fillAndSubmit(user, dialog, { Email: 'Grace@Example.com' }, 'Send invitation');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = await rowOf(/Name not given yet/);
    expect(within(row).getByText('grace@example.com')).toBeTruthy();
    expect(within(row).getByText('invited')).toBeTruthy();
    expect(within(row).getByText('viewer')).toBeTruthy();
    expect(mailTo('grace@example.com')).toHaveLength(1);
  });

  it('changes a role after saying what the new role may do', async () => {
    const { user } = await renderFeature(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'Change the role of Dev Developer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change Dev Developer’s role' });
    expect(within(dialog).getByRole('button', { name: 'Change role' }).hasAttribute('disabled')).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: /^Viewer/ }));
    expect(within(dialog).getByRole('status').textContent).toBe(
      'Dev Developer becomes a viewer from their next request. Viewers may read everything and call GET endpoints through the gateway. They change nothing.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Make a viewer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(await rowOf(/^Dev Developer/)).getByText('viewer')).toBeTruthy();
    expect((await callPlatform('admin', 'GET', paths.user(USERS.developer), undefined, User)).role).toBe('viewer');
  });

  it('says why the last admin can be neither demoted nor removed, before trying; with a second admin, it can', async () => {
    const { user } = await renderFeature(<Harness />);
    const row = await rowOf(/^Ada Admin ?\(you\)/);
    const change = await within(row).findByRole('button', { name: 'Change the role of Ada Admin' });
    await waitFor(() => expect(change.hasAttribute('disabled')).toBe(true));
    expect(within(row).getByRole('button', { name: 'Remove Ada Admin' }).hasAttribute('disabled')).toBe(true);
    expect(change.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(change.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Last admin: make someone else an admin first',
    );

    await user.click(screen.getByRole('button', { name: 'Change the role of Vic Viewer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change Vic Viewer’s role' });
    await user.click(within(dialog).getByRole('radio', { name: /^Admin/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Make an admin' }));
    await waitFor(() => expect(change.hasAttribute('disabled')).toBe(false));
  });

  it('removes a user after asking, and withdraws an invitation', async () => {
    await callPlatform('admin', 'POST', paths.userInvite(), { email: 'temp@example.com', role: 'developer' }, User);
    const { user } = await renderFeature(<Harness />);
    await user.click(await screen.findByRole('button', { name: 'Remove Vic Viewer' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Vic Viewer?' });
    expect(within(confirm).getByText(/their sessions end, and the API keys they made are revoked/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Remove user' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /^Vic Viewer/ })).toBeNull());

    await user.click(await screen.findByRole('button', { name: 'Withdraw the invitation to temp@example.com' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Withdraw the invitation to temp@example.com?' })).getByRole('button', {
        name: 'Withdraw invitation',
      }),
    );
    await waitFor(async () => expect((await usersNow()).map((u) => u.email)).toEqual(['developer@example.com', 'admin@example.com']));
  });

  it('says an invitation expired by the platform’s clock, and sends it again in one click with the same role', async () => {
    await callPlatform('admin', 'POST', paths.userInvite(), { email: 'late@example.com', role: 'viewer' }, User);
    // Past the link's 7 days on the platform; this browser's clock has not moved.
    platform.clock.advance(8 * 24 * 3600_000);
    await signInAs('admin');
    const { user } = await renderFeature(<Harness />);
    const row = await rowOf(/Name not given yet/);
    expect(await within(row).findByText('invitation expired')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Change the role/ })).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Send the invitation to late@example.com again' }));
    await waitFor(() => expect(mailTo('late@example.com')).toHaveLength(2));
    const again = await rowOf(/Name not given yet/);
    await waitFor(() => expect(within(again).getByText('invited')).toBeTruthy());
    expect(within(again).getByText('viewer')).toBeTruthy();
    // The keyboard is not dropped with the row it was on: it is on the new invitation's Withdraw.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(again).getByRole('button', { name: 'Withdraw the invitation to late@example.com' })),
    );
    const invited = (await usersNow()).filter((u) => u.email === 'late@example.com');
    expect(invited).toHaveLength(1);
    expect(Date.parse(invited[0]!.invitation_expires_at!)).toBeGreaterThan(platform.clock.now());
  });

  it('searches, filters and pages through the platform', async () => {
    for (const n of [1, 2, 3])
      await callPlatform('admin', 'POST', paths.userInvite(), { email: `p${n}@example.com`, role: 'viewer' }, User);
    const { user } = await renderFeature(<Harness />);
    await user.type(await screen.findByRole('searchbox', { name: 'Search users' }), 'dev');
    await waitFor(() => expect(screen.getAllByRole('rowheader')).toHaveLength(1));
    expect(screen.getByRole('rowheader', { name: /^Dev Developer/ })).toBeTruthy();
    await user.clear(screen.getByRole('searchbox', { name: 'Search users' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'invited');
    await waitFor(() => expect(screen.getAllByRole('rowheader')).toHaveLength(3));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '10');
    expect(await screen.findByText('1–3 of 3')).toBeTruthy();
  });

  it('is read-only for everyone else', async () => {
    await signInAs('viewer');
    await renderFeature(<Harness />);
    expect(await rowOf(/^Vic Viewer ?\(you\)/)).toBeTruthy();
    expect(screen.getByText(/Only admins invite people, change roles and remove users\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invite user' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Change the role/ })).toBeNull();
  });
});
