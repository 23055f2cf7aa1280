/**
 * The first requests of a cold load, sent before the app's code has arrived.
 *
 * index.html loads this file beside the entry (vite.config.ts, `earlyRequests`). With a session, it
 * asks for what a signed-in page reads first — who the user is and their organizations — and, on a
 * workspace's page, that organization's workspaces; on the services list in its default view, also the
 * list and the rings. The answers travel while the framework downloads; the app's own requests take
 * them when they ask for exactly the same URL (src/lib/early-responses.ts).
 *
 * Then, while the framework is still on its way and the page has nothing else to do, it warms the
 * browser's locale data (ICU): the first date format or collation of a page is by far the dearest
 * (tens of milliseconds on a slow phone), and the list's first render formats dates (src/lib/format.ts)
 * and its workspaces are sorted by name (src/data/organizations/get-workspaces.ts). Later ones are cheap.
 *
 * It imports nothing, on purpose: anything it imported would come in the app's chunk and wait for
 * it. So it repeats what it must know of the app — the session's key, the API base, the paths and the
 * queries — and early-requests.test.ts checks that the app asks for exactly these URLs and takes every
 * answer.
 */
import type { EarlyResponses } from '@/lib/early-responses';

/** src/lib/session.ts */
const SESSION_KEY = 'hs.session';
/** src/lib/env.ts */
const API_BASE = (import.meta.env.VITE_API_BASE_URL || '/api/v1').replace(/\/+$/, '');
const WORKSPACE_PAGE = /^\/orgs\/([^/]+)\/workspaces\/([^/]+)(?:\/(.*))?$/;

/** True when a signed-in page is loading (its requests are on their way). */
function start(): boolean {
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as { accessToken?: unknown; expiresAt?: unknown } | null;
  if (typeof session?.accessToken !== 'string') return false;
  // An expired token is refreshed first (src/lib/api-client.ts): nothing to start here.
  if (typeof session.expiresAt === 'number' && session.expiresAt <= Date.now()) return false;
  if (location.pathname === '/login') return false;

  const early: EarlyResponses = new Map();
  globalThis.__hsEarlyResponses = early;
  const headers = { Accept: 'application/json', Authorization: `Bearer ${session.accessToken}` };
  const get = (path: string) => {
    const url = API_BASE + path;
    early.set(url, { at: performance.now(), response: fetch(url, { headers }).catch(() => null) });
  };

  // The _authed route's loader (src/routes/_authed.tsx).
  get('/auth/whoami');
  get('/organizations?limit=100');
  const page = WORKSPACE_PAGE.exec(location.pathname);
  if (!page) return true;
  const [orgId, workspaceId] = [page[1]!, page[2]!].map((p) => encodeURIComponent(decodeURIComponent(p)));
  // The workspace route's loader.
  get(`/organizations/${orgId}/workspaces?limit=100`);
  // The services list with no search parameters: its default page (src/features/services/services-search.ts) and the rings it names.
  if ((page[3] ?? '').replace(/\/$/, '') === 'services' && location.search === '') {
    get(`/orgs/${orgId}/workspaces/${workspaceId}/hosted-services?limit=25&offset=0&sort=created_at&order=desc`);
    get(`/orgs/${orgId}/workspaces/${workspaceId}/deployments/rings?limit=100`);
  }
  return true;
}

/** src/lib/format.ts's formats and get-workspaces.ts's comparison, once each: their results are not used. */
function warmLocaleData(): void {
  new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-1, 'day');
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
  'a'.localeCompare('b', undefined, { sensitivity: 'base', numeric: true });
}

try {
  if (start()) warmLocaleData();
} catch {
  // Storage unavailable or a malformed URL: the app asks for everything itself.
}
