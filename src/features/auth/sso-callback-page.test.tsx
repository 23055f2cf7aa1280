import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SsoInitiateResponse } from '@/contract/sso';
import { paths } from '@/contract/paths';
import { getSession } from '@/lib/session';
import { platform } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { SsoCallbackPage } from './sso-callback-page';

const post = async (path: string, body: unknown) =>
  platform.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** A sign-in started in this tab and completed at the stand-in provider: the callback's parameters. */
async function cameBack() {
  const { state } = SsoInitiateResponse.parse(await (await post(`/api/v1${paths.ssoInitiate()}`, { email: 'viewer@example.com' })).json());
  sessionStorage.setItem('hs.sso', JSON.stringify({ state, redirect: '/after' }));
  const { redirect_to } = (await (
    await post('/api/v1/mock-idp/authorize', { state, email: 'viewer@example.com', password: 'password' })
  ).json()) as { redirect_to: string };
  const url = new URL(redirect_to);
  return { code: url.searchParams.get('code')!, state: url.searchParams.get('state')! };
}

describe('the single sign-on callback page', () => {
  it('exchanges the code for a session and goes where the sign-in started from', async () => {
    const params = await cameBack();
    const onSignedIn = vi.fn();
    const onFailed = vi.fn();
    await renderFeature(<SsoCallbackPage params={params} onExchanging={() => {}} onSignedIn={onSignedIn} onFailed={onFailed} />);
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('/after'));
    expect(onFailed).not.toHaveBeenCalled();
    expect(getSession()).not.toBeNull();
    expect(sessionStorage.getItem('hs.sso')).toBeNull();
  });

  it('sends nothing for an answer to another sign-in (a wrong state), and says so', async () => {
    const params = await cameBack();
    const onFailed = vi.fn();
    await renderFeature(
      <SsoCallbackPage params={{ ...params, state: 'tampered' }} onExchanging={() => {}} onSignedIn={() => {}} onFailed={onFailed} />,
    );
    await waitFor(() => expect(onFailed).toHaveBeenCalledWith(expect.stringMatching(/does not match the sign-in this tab started/)));
    // The code was not spent: the platform still takes it.
    expect((await post(`/api/v1${paths.ssoCallback()}`, params)).status).toBe(200);
  });

  it('says the platform’s refusal of a used code', async () => {
    const params = await cameBack();
    expect((await post(`/api/v1${paths.ssoCallback()}`, params)).status).toBe(200);
    const onFailed = vi.fn();
    await renderFeature(<SsoCallbackPage params={params} onExchanging={() => {}} onSignedIn={() => {}} onFailed={onFailed} />);
    await waitFor(() => expect(onFailed).toHaveBeenCalledWith(expect.stringMatching(/^This sign-in code has already been used/)));
    expect(getSession()).toBeNull();
  });
});
