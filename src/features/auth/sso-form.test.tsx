import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderFeature } from '@/testing/render';
import { SsoForm } from './sso-form';

const assign = vi.fn();

describe('signing in with single sign-on', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('sends the browser to the email’s identity provider, keeping the state for this tab', async () => {
    vi.stubGlobal('location', { ...window.location, assign });
    const { user } = await renderFeature(<SsoForm redirect="/orgs/x" failure={null} />);
    await user.type(await screen.findByRole('textbox', { name: 'Work email' }), 'developer@example.com');
    await user.click(screen.getByRole('button', { name: 'Sign in with single sign-on' }));
    await waitFor(() => expect(assign).toHaveBeenCalled());
    const url = new URL(assign.mock.calls[0]![0] as string);
    expect(url.pathname).toBe('/api/v1/mock-idp/authorize');
    const kept = JSON.parse(sessionStorage.getItem('hs.sso')!) as { state: string; redirect: string };
    expect(kept).toEqual({ state: url.searchParams.get('state'), redirect: '/orgs/x' });
  });

  it('says on the email when its domain has no single sign-on, and shows why the last attempt failed', async () => {
    const { user } = await renderFeature(<SsoForm redirect={null} failure="This sign-in code has already been used." />);
    expect((await screen.findByRole('alert')).textContent).toBe('Single sign-on did not finish. This sign-in code has already been used.');
    await user.type(screen.getByRole('textbox', { name: 'Work email' }), 'someone@elsewhere.org');
    await user.click(screen.getByRole('button', { name: 'Sign in with single sign-on' }));
    expect(
      await screen.findByText(
        'Single sign-on is not set up for elsewhere.org: sign in with your email and password, or ask your admin which address to use.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Work email' }).getAttribute('aria-invalid')).toBe('true');
    expect(sessionStorage.getItem('hs.sso')).toBeNull();
  });
});
