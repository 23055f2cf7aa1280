/**
 * Synthetic traffic, so that the demo's request log and charts are not empty
 * (CONTRACT §12, the mock's knobs; docs/mock.md says how to set them):
 *
 * - `backfill`: history written straight into the log when a state is first
 *   seeded (and on a reset) — `MOCK_SEED_REQUESTS=N` records over the last 7
 *   days, or the demo's own few days of modest traffic — across the serving
 *   versions of the seeded services (each from its publish time, by the
 *   traffic split). In bulk: one transaction, in chunks, aggregates computed
 *   per chunk (requests/log.ts `bulk`), so a million records seed in seconds.
 * - `startDemoTraffic` (`MOCK_TRAFFIC=demo`): about one call a second through
 *   the real gateway (`app.fetch` in process, as a demo developer, with their
 *   own session or one opened with their API key), to the demo services'
 *   endpoints; the knobs (`X-Mock-Status`, `X-Mock-Latency-Ms`) give the calls
 *   their latency and their errors, so they are recorded exactly as anyone's.
 *
 * Both follow one model of how a version behaves: a few percent of 4xx (a bad
 * body, an unknown path, a missing token), about 1% of 5xx, and a latency
 * that is typical of its endpoint — except the seeded canary's new version
 * (services/seed.ts `DEMO_CANARIES`: Embedding's version 2), which fails about
 * nine times as often and is about 2.5× slower, as a canary to roll back looks.
 */
import { randomUUID } from 'node:crypto';
import type { CallerKind } from '../../src/contract/requests';
import { paths } from '../../src/contract/paths';
import { exampleOf } from '../../src/contract/schema-example';
import type { EndpointSnapshot } from '../../src/contract/versions';
import { isServing } from '../../src/contract/versions-rules';
import { API_KEY_SESSION } from '../api-keys/rules';
import { DEMO_USERS } from '../auth/seed';
import { SELF_CALL } from '../core/app';
import { signAccessToken } from '../core/auth';
import type { Running, StartContext } from '../core/domain';
import { API_BASE } from '../core/operations';
import type { Store } from '../core/store';
import { KNOB_HEADERS } from '../gateway/knobs';
import { DEMO_CANARIES, isGeneratedService } from '../services/seed';
import type { VersionRecord } from '../versions/records';
import type { CallRecord } from './records';

const DAY = 86_400_000;
/** The demo's own backfill: a few days of modest traffic (about a call a minute per service, more by day). */
export const DEMO_BACKFILL = { days: 3, perServicePerDay: 1400 };
/** `MOCK_SEED_REQUESTS` spreads its records over the retention period. */
export const SEED_REQUESTS_DAYS = 7;
const CHUNK = 20_000;

interface Behaviour {
  latencyFactor: number;
  rate5xx: number;
}
const HEALTHY: Behaviour = { latencyFactor: 1, rate5xx: 0.009 };
const CANARY: Behaviour = { latencyFactor: 2.6, rate5xx: 0.085 };
const RATE_4XX = 0.03;

const canaries = new Set(DEMO_CANARIES.map((c) => `${c.serviceId}\n${c.version}`));
export const behaviourOf = (serviceId: string, version: number): Behaviour => (canaries.has(`${serviceId}\n${version}`) ? CANARY : HEALTHY);

/** An endpoint's typical latency, 15–165 ms, fixed by its path. */
function medianMs(path: string): number {
  let h = 0;
  for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 15 + (h % 150);
}

/** A latency around the endpoint's median (log-normal), within what the knob takes. */
function latencyOf(path: string, b: Behaviour): number {
  const z = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return Math.min(10_000, Math.max(1, Math.round(medianMs(path) * b.latencyFactor * Math.exp(0.45 * z))));
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** A version by the traffic split (the versions given serve; if none has a share, alike). */
function byTraffic(versions: readonly VersionRecord[]): VersionRecord {
  const total = versions.reduce((n, v) => n + v.traffic_percent, 0);
  if (total === 0) return pick(versions);
  let r = Math.random() * total;
  for (const v of versions) if ((r -= v.traffic_percent) < 0) return v;
  return versions[versions.length - 1]!;
}

/** `/documents/{document_id}` → `/documents/42`: a path as a client calls it. */
const concrete = (template: string) => template.replace(/\{[^}]+\}/g, () => String(1 + Math.floor(Math.random() * 999)));

interface Target {
  serviceId: string;
  workspaceId: string;
  orgId: string;
  versions: { v: VersionRecord; from: number; endpoints: EndpointSnapshot[] }[];
}

/** The seeded services that serve, with the versions that serve and since when. */
function targets(store: Store, demoOnly: boolean): Target[] {
  const out: Target[] = [];
  for (const s of store.services.values()) {
    if (demoOnly && isGeneratedService(s.id)) continue;
    const versions = store
      .versionsOf(s.id)
      .filter((v) => isServing(v) && (v.endpoint_snapshot?.length ?? 0) > 0)
      .map((v) => ({ v, from: Date.parse(v.published_at ?? v.created_at), endpoints: v.endpoint_snapshot! }));
    if (versions.length) out.push({ serviceId: s.id, workspaceId: s.workspace_id, orgId: s.org_id, versions });
  }
  return out;
}

// ---- history ----------------------------------------------------------------------

/** One call of the history, as the model says it went. */
function syntheticCall(t: Target, at: number): CallRecord {
  const live = t.versions.filter((x) => x.from <= at);
  const chosen = live.length ? live : [t.versions.reduce((a, b) => (a.from <= b.from ? a : b))];
  const picked = byTraffic(chosen.map((c) => c.v));
  const { v, endpoints } = chosen.find((x) => x.v === picked)!;
  const endpoint = pick(endpoints);
  const b = behaviourOf(t.serviceId, v.version);
  const r = Math.random();
  let status = 200;
  let version: number | null = v.version;
  let path = endpoint.path;
  let templated = true;
  let caller: CallerKind = Math.random() < 0.55 ? 'user' : Math.random() < 0.66 ? 'service_token' : 'api_key';
  let duration = latencyOf(endpoint.path, b);
  if (r < b.rate5xx) status = pick([500, 500, 502, 503]);
  else if (r < b.rate5xx + RATE_4XX) {
    const kind = Math.random();
    if (kind < 0.6) {
      status = 422;
      duration = Math.max(1, Math.round(duration / 10));
    } else if (kind < 0.8) {
      status = 404;
      path = `${concrete(endpoint.path).replace(/\/$/, '')}/unknown`;
      templated = false;
      duration = 2;
    } else {
      status = 401;
      version = null;
      path = concrete(endpoint.path);
      templated = false;
      caller = 'anonymous';
      duration = 1;
    }
  }
  return {
    id: randomUUID(),
    service_id: t.serviceId,
    workspace_id: t.workspaceId,
    version,
    method: endpoint.method,
    path,
    templated,
    status,
    duration_ms: duration,
    caller,
    async: false,
    job_id: null,
  };
}

/** `count` times over `[now - spanMs, now)`, oldest first, busier by day (UTC) than by night. */
function timesOver(count: number, spanMs: number, now: number): Float64Array {
  const times = new Float64Array(count);
  for (let i = 0; i < count;) {
    const t = now - spanMs + Math.random() * spanMs;
    const hour = (t % DAY) / 3_600_000;
    if (Math.random() < 0.65 + 0.35 * Math.sin(((hour - 8) / 24) * 2 * Math.PI)) times[i++] = Math.floor(t);
  }
  return times.sort();
}

/**
 * Write synthetic history into the log: `count` records over the last
 * `days` (or, with `count` null, the demo's own: a few days of modest traffic
 * to the demo services). Returns how many were written.
 */
export function backfill(store: Store, count: number | null, now = store.clock.now()): number {
  const all = targets(store, count === null);
  if (!all.length) return 0;
  const days = count === null ? DEMO_BACKFILL.days : SEED_REQUESTS_DAYS;
  const n = count ?? all.length * DEMO_BACKFILL.days * DEMO_BACKFILL.perServicePerDay;
  const times = timesOver(n, days * DAY, now);
  function* chunks() {
    for (let from = 0; from < n; from += CHUNK) {
      const chunk: { at: number; call: CallRecord }[] = [];
      for (let i = from; i < Math.min(n, from + CHUNK); i++) chunk.push({ at: times[i]!, call: syntheticCall(pick(all), times[i]!) });
      yield chunk;
    }
  }
  return store.requestLog.bulk(chunks());
}

// ---- live demo traffic --------------------------------------------------------------

/** Between two calls, ms (about one a second). */
const GAP_MS = { min: 300, max: 1700 };

/** The demo developer's sessions the synthetic calls use, per platform. */
const demoSessions = new WeakMap<Store, Map<'user' | 'api_key', { token: string; exp: number }>>();

/** A demo developer's token: their own session, or one opened with their API key (so both kinds of caller show). */
async function tokenFor(store: Store, kind: 'user' | 'api_key'): Promise<string | null> {
  let sessions = demoSessions.get(store);
  if (!sessions) demoSessions.set(store, (sessions = new Map()));
  const held = sessions.get(kind);
  if (held && held.exp > store.clock.seconds() + 60) return held.token;
  const user = [...store.users.values()].find((u) => u.email === DEMO_USERS.developer);
  if (!user) return null;
  const key = kind === 'api_key' ? [...store.apiKeys.values()].find((k) => k.user_id === user.id && k.revoked_at === null) : undefined;
  if (kind === 'api_key' && !key) return null;
  const sid = key ? `${API_KEY_SESSION}${key.id}` : `demo-traffic:${randomUUID()}`;
  const token = await signAccessToken(store, user, 3600, sid);
  sessions.set(kind, { token, exp: store.clock.seconds() + 3600 });
  return token;
}

/** One synthetic call to a demo service, through the gateway as any client's (`app.fetch`), shaped by the model with the knobs. */
export async function demoCall({ app, store }: Pick<StartContext, 'app' | 'store'>): Promise<void> {
  const all = targets(store, true);
  if (!all.length) return;
  const t = pick(all);
  const picked = byTraffic(t.versions.map((y) => y.v));
  const { v, endpoints } = t.versions.find((x) => x.v === picked)!;
  const endpoint = pick(endpoints);
  const b = behaviourOf(t.serviceId, v.version);
  const headers: Record<string, string> = { [KNOB_HEADERS.latency]: String(latencyOf(endpoint.path, b)) };
  const r = Math.random();
  let path = concrete(endpoint.path);
  let body: unknown = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : exampleOf(endpoint.request_schema);
  let anonymous = false;
  if (r < b.rate5xx) headers[KNOB_HEADERS.status] = String(pick([500, 500, 502, 503]));
  else if (r < b.rate5xx + RATE_4XX) {
    const kind = Math.random();
    if (kind < 0.6 && body !== undefined) body = [];
    else if (kind < 0.8) path = `${path.replace(/\/$/, '')}/unknown`;
    else anonymous = true;
  }
  if (!anonymous) {
    const token = await tokenFor(store, Math.random() < 0.75 ? 'user' : 'api_key');
    if (token) headers.authorization = `Bearer ${token}`;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  // Pinned to the version the split chose, so the model knows whose behaviour this call has.
  const url = `http://mock.local${API_BASE}${paths.gatewayPinned(t.orgId, t.serviceId, v.version, path)}`;
  const res = await app.fetch(
    new Request(url, { method: endpoint.method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
    SELF_CALL,
  );
  await res.arrayBuffer();
}

/** Keep calling the demo services through the gateway (about once a second) until stopped; never what keeps the process alive. */
export function startDemoTraffic(platform: StartContext): Running {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        demoCall(platform)
          .catch((e: unknown) => console.error(`[mock] demo traffic: ${e instanceof Error ? e.message : String(e)}`))
          .finally(next);
      },
      GAP_MS.min + Math.random() * (GAP_MS.max - GAP_MS.min),
    );
    timer.unref();
  };
  next();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
