import { useMutation } from '@tanstack/react-query';
import { readTokenResponse } from '@/contract/auth';
import { SsoCallbackRequest, SsoInitiateRequest, SsoInitiateResponse } from '@/contract/sso';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { setSession } from '@/lib/session';

/**
 * Single sign-on, the tab's half of it. The `state` the platform issued is
 * kept for this tab only (sessionStorage, as the session is) between leaving
 * for the identity provider and coming back; the callback checks it before
 * anything is sent, and it is forgotten as soon as it has been compared.
 */
const KEY = 'hs.sso';

type Pending = { state: string; redirect: string | null };

function remember(pending: Pending): void {
  globalThis.sessionStorage?.setItem(KEY, JSON.stringify(pending));
}

/** The sign-in this tab started, forgotten as it is read: a state is compared once. */
export function takePendingSso(): Pending | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    globalThis.sessionStorage?.removeItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as Pending).state !== 'string') return null;
    const redirect = (parsed as Pending).redirect;
    return { state: (parsed as Pending).state, redirect: typeof redirect === 'string' ? redirect : null };
  } catch {
    return null;
  }
}

/**
 * `POST /auth/sso/initiate` (seed 001): where the email's organization signs
 * people in. Only an http(s) address is followed (the contract's reading).
 */
export async function startSso(input: SsoInitiateRequest, redirect: string | null): Promise<string> {
  const { authorization_url, state } = await api.post(paths.ssoInitiate(), SsoInitiateResponse, {
    body: SsoInitiateRequest.parse(input),
    anonymous: true,
  });
  remember({ state, redirect });
  return authorization_url;
}

export const useStartSso = () =>
  useMutation({ mutationFn: ({ email, redirect }: { email: string; redirect: string | null }) => startSso({ email }, redirect) });

/** `POST /auth/sso/callback` (our extension): the identity provider's code for a session. */
export async function finishSso(input: SsoCallbackRequest): Promise<void> {
  const tokens = await callExtension('ssoCallback', () =>
    api.post(paths.ssoCallback(), readTokenResponse, { body: SsoCallbackRequest.parse(input), anonymous: true }),
  );
  setSession(tokens);
}
