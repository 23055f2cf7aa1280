/**
 * The real mock platform, in-process, behind MSW: component tests send their
 * requests to the same Hono app that `npm run mock` serves to development and
 * the end-to-end tests. One mock for everything.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { TokenResponse } from '@/contract/auth';
import { AGENT_API_BASE, paths, type Scope } from '@/contract/paths';
import { setSession } from '@/lib/session';
import { AGENT_IDS } from '../../mock-server/agents/seed';
import { createMockPlatform } from '../../mock-server/platform';
import { DEMO_PASSWORD, DEMO_USERS } from '../../mock-server/auth/seed';
import { demoId, IDS } from '../../mock-server/core/seed-ids';
import { mailSent } from '../../mock-server/users/mail';

const API = '/api/v1';

export const platform = createMockPlatform({ dataFile: null, seed: 'demo' });

/** Every `/api/v1/*` request the console makes, and every one to the agent API (`/v1/*`, seed 003), goes to the mock app's fetch handler. */
export const server = setupServer(
  http.all(`*${API}/*`, ({ request }) => platform.app.fetch(request)),
  http.all(`*${AGENT_API_BASE}/*`, ({ request }) => platform.app.fetch(request)),
);

export type Role = keyof typeof DEMO_USERS;

/** The demo seed's Production workspace. */
export const SCOPE: Scope = { orgId: IDS.org, workspaceId: IDS.production };
export const RINGS = IDS.rings.production;
/** The demo seed's users, by role. */
export const USERS = IDS.users;
/** The mail the mock "sent" to `email` (an invitation's link), newest first. */
export const mailTo = (email: string) => mailSent(platform.store, email);
/** A demo seed's service, by its number (`1001` Invoice Extractor, `1005` Sentiment Analyzer…). */
export const demoService = (n: number) => demoId(n);
/** The demo seed's agent deployments, versions and instances. */
export const AGENTS = AGENT_IDS;

async function login(role: Role): Promise<TokenResponse> {
  const res = await platform.app.request(`${API}${paths.login()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS[role], password: DEMO_PASSWORD }),
  });
  return TokenResponse.parse(await res.json());
}

/** The console signed in as `role`, as after the sign-in page. */
export async function signInAs(role: Role) {
  setSession(await login(role));
}

/** The platform API as `role`, to arrange a test's starting point; the response parsed with the contract's schema. `base`: another base (`AGENT_API_BASE`). */
export async function callPlatform<T>(
  role: Role,
  method: string,
  path: string,
  body: unknown,
  schema: { parse: (value: unknown) => T },
  base: string = API,
): Promise<T> {
  const { access_token } = await login(role);
  const res = await platform.app.request(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // A 204 (a delete) answers nothing.
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return schema.parse(json);
}

/**
 * The platform's answers to `GET path` (any query) wait until `release()`: what a page loads (a list, a record)
 * arrives after the form first rendered, at the moment the test chooses.
 */
export function holdAnswers(path: string): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get(`*${API}${path}`, async ({ request }) => {
      await released;
      return platform.app.fetch(request);
    }),
  );
  return release;
}
