import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { User } from '@/contract/users';
import { getSession } from '@/lib/session';
import { callPlatform, mailTo, platform, server } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { AcceptInvitationPage, tokenFromFragment } from './accept-invitation-page';

async function invitation(email = 'new.person@example.com') {
  await callPlatform('admin', 'POST', paths.userInvite(), { email, role: 'developer' }, User);
  return tokenFromFragment(new URL(mailTo(email)[0]!.link).hash)!;
}

async function fill(user: Awaited<ReturnType<typeof renderFeature>>['user'], password: string, again = password) {
  for (const [field, text] of [
    [screen.getByLabelText(/^Password \*$/), password],
    [screen.getByLabelText(/^Password again/), again],
  ] as const) {
    await user.clear(field);
    await user.type(field, text);
  }
  await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

describe('accepting an invitation', () => {
  it('reads the token from the fragment only', () => {
    expect(tokenFromFragment('#token=abc')).toBe('abc');
    expect(tokenFromFragment('token=abc&x=1')).toBe('abc');
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
  });

  it('sets a password, checked as the platform checks it, and signs the person in', async () => {
    const token = await invitation();
    const onAccepted = vi.fn();
    const { user } = await renderFeature(<AcceptInvitationPage token={token} onAccepted={onAccepted} />);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'New Person');
    await fill(user, 'short');
    expect(await screen.findByText('Use at least 8 characters')).toBeTruthy();
    await fill(user, 'long enough', 'long enougj');
    expect(await screen.findByText('The two passwords differ: type the same one twice')).toBeTruthy();
    await fill(user, 'long enough');
    await waitFor(() => expect(onAccepted).toHaveBeenCalled());
    expect(getSession()).not.toBeNull();
    const me = await platform.app.request(`/api/v1${paths.usersMe()}`, {
      headers: { Authorization: `Bearer ${getSession()!.accessToken}` },
    });
    expect(await me.json()).toMatchObject({ email: 'new.person@example.com', name: 'New Person', role: 'developer', status: 'active' });
    expect(JSON.stringify(sessionStorage)).not.toContain(token);
  });

  it('says in a sentence that a link was used already, and keeps nothing typed', async () => {
    const token = await invitation();
    await platform.app.request(`/api/v1${paths.invitationAccept()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password: 'first time' }),
    });
    const { user } = await renderFeature(<AcceptInvitationPage token={token} onAccepted={() => {}} />);
    await fill(user, 'second time');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This invitation has already been accepted: sign in with the password chosen then.',
    );
    expect((screen.getByLabelText(/^Password \*$/) as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('without a token, says which link it needs', async () => {
    await renderFeature(<AcceptInvitationPage token={null} onAccepted={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/This page needs the link from your invitation email, whole/);
    expect(screen.queryByRole('button', { name: 'Set password and sign in' })).toBeNull();
  });

  it('on a platform without the accept call, says it is not available there', async () => {
    server.use(http.post('*/api/v1/auth/invitations/accept', () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    const { user } = await renderFeature(<AcceptInvitationPage token="some-token" onAccepted={() => {}} />);
    await fill(user, 'long enough');
    expect(await screen.findByRole('heading', { name: 'Accepting an invitation is not available on this platform' })).toBeTruthy();
    expect(screen.getByText(/POST \/auth\/invitations\/accept/)).toBeTruthy();
  });
});
