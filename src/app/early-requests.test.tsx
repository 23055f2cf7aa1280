/**
 * src/app/early-requests.ts repeats what it must know of the app (it imports nothing): these tests hold
 * it to the app's own requests, against the mock platform (MSW, src/testing).
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { SCOPE, signInAs } from '@/testing/mock-platform';

const LIST = `/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services`;

let sent: string[] = [];
beforeEach(() => {
  sent = [];
  const fetchThrough = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    sent.push(String(input instanceof Request ? input.url : input));
    return fetchThrough(input, init);
  });
  globalThis.__hsEarlyResponses = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

/** Open `url` cold: the session in sessionStorage, fresh modules, and early-requests.ts run as index.html runs it. */
async function openCold(url: string) {
  await signInAs('developer');
  history.replaceState(null, '', url);
  vi.resetModules();
  await import('./early-requests');
  await Promise.all([...(globalThis.__hsEarlyResponses?.values() ?? [])].map((e) => e.response));
}

/** What the services list's loaders and page read, through the app's own data layer. */
async function readServicesList() {
  const [{ getWhoami }, { getOrganizations }, { getWorkspaces }, { getServices }, { getRings }, { SERVICES_SEARCH_DEFAULTS, toListQuery }] =
    await Promise.all([
      import('@/data/auth/get-whoami'),
      import('@/data/organizations/get-organizations'),
      import('@/data/organizations/get-workspaces'),
      import('@/data/services/get-services'),
      import('@/data/rings/get-rings'),
      import('@/features/services/services-search'),
    ]);
  return Promise.all([
    getWhoami(),
    getOrganizations(),
    getWorkspaces(SCOPE.orgId),
    getServices(SCOPE, toListQuery(SERVICES_SEARCH_DEFAULTS)),
    getRings(SCOPE),
  ]);
}

test('on the services list, the app takes every answer sent early and asks for none of them again', async () => {
  await openCold(LIST);
  expect(sent).toHaveLength(5);

  const [me, orgs, workspaces, services, rings] = await readServicesList();
  expect(sent).toHaveLength(5);
  expect(globalThis.__hsEarlyResponses?.size).toBe(0);
  expect(me.email).toBe('developer@example.com');
  expect(orgs.items.map((o) => o.id)).toContain(SCOPE.orgId);
  expect(workspaces.items.map((w) => w.id)).toContain(SCOPE.workspaceId);
  expect(services.items.length).toBeGreaterThan(0);
  expect(rings.items.length).toBeGreaterThan(0);
});

test('an answer is taken once: the next read of the same URL asks the platform again', async () => {
  await openCold(LIST);
  const { getWhoami } = await import('@/data/auth/get-whoami');
  await getWhoami();
  await getWhoami();
  expect(sent.filter((url) => url.endsWith(paths.whoami()))).toHaveLength(2);
});

test('on the list with search parameters, only what every workspace page reads starts early', async () => {
  await openCold(`${LIST}?q=invoice`);
  expect(sent.map((url) => new URL(url, location.href).pathname)).toEqual([
    `/api/v1${paths.whoami()}`,
    `/api/v1${paths.organizations()}`,
    `/api/v1${paths.workspaces(SCOPE.orgId)}`,
  ]);
});

test('without a session, or on the sign-in page, nothing starts early', async () => {
  history.replaceState(null, '', LIST);
  sessionStorage.clear();
  vi.resetModules();
  await import('./early-requests');
  await openCold('/login');
  expect(sent).toEqual([]);
  expect(globalThis.__hsEarlyResponses).toBeUndefined();
});

test('a new session drops the answers sent for the old one', async () => {
  await openCold(LIST);
  const [{ getWhoami }, { setSession, getSession }] = await Promise.all([import('@/data/auth/get-whoami'), import('@/lib/session')]);
  const session = getSession()!;
  setSession({ access_token: session.accessToken, refresh_token: session.refreshToken, token_type: 'bearer', expires_in: 900 });
  await getWhoami();
  expect(sent.filter((url) => url.endsWith(paths.whoami()))).toHaveLength(2);
});
