/**
 * People for a story: an invitation sent by an admin (of the story's own
 * organization: `ownOrganization`), its link read from the mock's mail (the
 * test route that shows what the mock wrote to its log), and accepted — so
 * that each story works with users of its own.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '../../src/contract/auth';
import { TokenResponse } from '../../src/contract/auth';
import { paths } from '../../src/contract/paths';
import { User } from '../../src/contract/users';
import { login, unique, type Account } from './platform';

/** Through the console's proxy at the test's baseURL, to the worker's own mock. */
const url = (path: string) => `/api/v1${path}`;

/** An address no other story uses. */
export const uniqueEmail = (prefix: string) => `${unique(prefix).toLowerCase()}@example.com`;

/** The link in the last mail the mock "sent" to `email`. */
export async function mailedLink(request: APIRequestContext, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const res = await request.get(url(`/__test__/mail?to=${encodeURIComponent(email)}`));
      link = ((await res.json()) as { items: { link: string }[] }).items[0]?.link;
      return link;
    })
    .toBeTruthy();
  return link!;
}

export const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '');

export async function invite(request: APIRequestContext, by: Account, email: string, role: Role): Promise<User> {
  const { access_token } = await login(request, by);
  const res = await request.post(url(paths.userInvite()), { headers: { Authorization: `Bearer ${access_token}` }, data: { email, role } });
  expect(res.status(), await res.text()).toBe(201);
  return User.parse(await res.json());
}

/** Someone invited by `by` (an admin) and accepted, through the platform API: their email, password and first session. */
export async function newUser(request: APIRequestContext, by: Account, role: Role, name = 'E2E Person') {
  const email = uniqueEmail('person');
  const user = await invite(request, by, email, role);
  const password = 'e2e password';
  const res = await request.post(url(paths.invitationAccept()), {
    data: { token: tokenOf(await mailedLink(request, email)), password, name },
  });
  expect(res.status(), await res.text()).toBe(200);
  return { ...user, name, email, password, tokens: TokenResponse.parse(await res.json()) };
}

/** What a sign-in answers; a platform that serves only what the seeds document may leave out the last two. */
type SessionTokens = Pick<TokenResponse, 'access_token'> & { refresh_token?: string | null; expires_in?: number | null };

/** Hand a session to a page as the console keeps it (sessionStorage), before it loads. */
export async function useSession(page: Page, tokens: SessionTokens) {
  await page.addInitScript((t) => {
    if (!sessionStorage.getItem('hs.session')) {
      sessionStorage.setItem(
        'hs.session',
        JSON.stringify({
          accessToken: t.access_token,
          refreshToken: t.refresh_token,
          expiresAt: Date.now() + (t.expires_in ?? 900) * 1000,
        }),
      );
    }
  }, tokens);
}
