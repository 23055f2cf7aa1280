/**
 * Runs the mock platform over HTTP.
 *
 * Env: MOCK_PORT (4010), MOCK_HOST (127.0.0.1), MOCK_DATA (.data/mock-state.sqlite),
 * MOCK_SEED (demo | empty | large), MOCK_SEED_SERVICES (10000, for `large`),
 * MOCK_TOKEN_TTL (900 s), MOCK_LATENCY_MS (0), MOCK_GATEWAY_LATENCY_MS (0),
 * MOCK_DEPLOY_PHASE_MS (2500), MOCK_JOB_RUN_MS (3000), MOCK_DRAIN_MS (60000),
 * MOCK_AGENT_PHASE_MS (3000), MOCK_SQL_TIME_LIMIT_MS (2000),
 * MOCK_PROFILE (full | documented), MOCK_TEST_ROUTES (unset | 1),
 * MOCK_LOGIN_MAX_FAILURES (10; 0: off), MOCK_LOGIN_WINDOW_S (300),
 * MOCK_CORS_ORIGINS (none; comma-separated origins), MOCK_CONSOLE_URL (http://127.0.0.1:5173),
 * MOCK_TRAFFIC (demo | off; demo with the demo seed outside test mode), MOCK_SEED_REQUESTS (unset: the
 * demo's own history). docs/mock.md's table says what each means.
 *
 * `--reset` (`npm run mock -- --reset`) deletes the state at MOCK_DATA first and
 * starts from the seed: the way out when the state was written by another
 * version of the mock (it is refused, never migrated: core/persistence.ts).
 */
import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import { createMockPlatform, type MockProfile } from './platform';
import { discardState, StateVersionError } from './core/persistence';
import { SEED_NAMES, type SeedName } from './core/seed-ids';

function intEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`[mock] ${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

const seedRaw = process.env.MOCK_SEED || 'demo';
if (!(SEED_NAMES as readonly string[]).includes(seedRaw)) {
  console.error(`[mock] MOCK_SEED must be one of ${SEED_NAMES.join(', ')}, got ${JSON.stringify(seedRaw)}`);
  process.exit(2);
}

const PROFILES: readonly MockProfile[] = ['full', 'documented'];
// `--profile=documented` (npm run mock:documented) or MOCK_PROFILE.
const profileRaw = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length) || process.env.MOCK_PROFILE || 'full';
if (!(PROFILES as readonly string[]).includes(profileRaw)) {
  console.error(`[mock] MOCK_PROFILE must be one of ${PROFILES.join(', ')}, got ${JSON.stringify(profileRaw)}`);
  process.exit(2);
}
const testRoutesRaw = process.env.MOCK_TEST_ROUTES ?? '';
if (!['', '0', '1'].includes(testRoutesRaw)) {
  console.error(`[mock] MOCK_TEST_ROUTES must be 1 (or unset), got ${JSON.stringify(testRoutesRaw)}`);
  process.exit(2);
}
const corsOrigins = (process.env.MOCK_CORS_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean);
for (const origin of corsOrigins) {
  if (origin === '*' || !/^https?:\/\/[^/\s]+$/.test(origin)) {
    console.error(`[mock] MOCK_CORS_ORIGINS lists origins such as http://localhost:5173 (no *), got ${JSON.stringify(origin)}`);
    process.exit(2);
  }
}

// Invitation links and single sign-on send people to the console: its origin, as the browser reaches it.
const consoleUrl = process.env.MOCK_CONSOLE_URL || 'http://127.0.0.1:5173';
if (!/^https?:\/\/[^/\s?#]+$/.test(consoleUrl)) {
  console.error(
    `[mock] MOCK_CONSOLE_URL is the console's origin, such as http://127.0.0.1:5173 (no path), got ${JSON.stringify(consoleUrl)}`,
  );
  process.exit(2);
}
// Synthetic traffic makes the demo come alive; tests (MOCK_TEST_ROUTES=1) and other seeds start quiet.
const trafficRaw = process.env.MOCK_TRAFFIC || (seedRaw === 'demo' && testRoutesRaw !== '1' ? 'demo' : 'off');
if (trafficRaw !== 'demo' && trafficRaw !== 'off') {
  console.error(`[mock] MOCK_TRAFFIC must be demo or off, got ${JSON.stringify(trafficRaw)}`);
  process.exit(2);
}
const seedRequests = process.env.MOCK_SEED_REQUESTS ? intEnv('MOCK_SEED_REQUESTS', 0) : null;

const port = intEnv('MOCK_PORT', 4010);
const host = process.env.MOCK_HOST || '127.0.0.1';
const dataFile = resolve(process.env.MOCK_DATA || '.data/mock-state.sqlite');

if (process.argv.includes('--reset')) {
  const deleted = discardState(dataFile);
  console.log(
    `[mock] --reset: ${deleted ? `deleted the state at ${dataFile}` : `no state at ${dataFile} yet`}; starting from the ${seedRaw} seed`,
  );
}

let platform;
try {
  platform = createMockPlatform({
    dataFile,
    seed: seedRaw as SeedName,
    seedServices: intEnv('MOCK_SEED_SERVICES', 10_000),
    tokenTtl: intEnv('MOCK_TOKEN_TTL', 900, 1),
    latencyMs: intEnv('MOCK_LATENCY_MS', 0),
    gatewayLatencyMs: intEnv('MOCK_GATEWAY_LATENCY_MS', 0),
    deployPhaseMs: intEnv('MOCK_DEPLOY_PHASE_MS', 2500),
    jobRunMs: intEnv('MOCK_JOB_RUN_MS', 3000),
    drainMs: intEnv('MOCK_DRAIN_MS', 60_000),
    agentPhaseMs: intEnv('MOCK_AGENT_PHASE_MS', 3000, 1),
    sqlTimeLimitMs: intEnv('MOCK_SQL_TIME_LIMIT_MS', 2000, 1),
    profile: profileRaw as MockProfile,
    testRoutes: testRoutesRaw === '1',
    signInThrottle: { maxFailures: intEnv('MOCK_LOGIN_MAX_FAILURES', 10), windowS: intEnv('MOCK_LOGIN_WINDOW_S', 300, 1) },
    corsOrigins,
    consoleUrl,
    // The mail the mock "sends" (users/mail.ts): one escaped line each, with its link.
    mailLog: (line) => console.log(`[mock] ${line}`),
    traffic: trafficRaw,
    seedRequests,
    // Method, path (no query string, escaped), status and time only: never headers or tokens.
    log: (line) => console.log(`[mock] ${line}`),
  });
} catch (e) {
  if (e instanceof StateVersionError) console.error(`[mock] ${e.message}`);
  else {
    console.error(`[mock] cannot open the state at ${dataFile}: ${e instanceof Error ? e.message : String(e)}`);
    console.error('[mock] start fresh with `npm run mock -- --reset` (or set MOCK_DATA to another file).');
  }
  process.exit(1);
}
const mock = platform;

const server = serve({ fetch: mock.app.fetch, port, hostname: host }, (info) => {
  console.log(
    `[mock] Hosted Services mock platform on http://${host}:${info.port}/api/v1 (state: ${mock.state.database}, seed: ${mock.store.seed})`,
  );
  console.log(
    `[mock] signing secrets: ${mock.state.secrets ?? 'in memory'}; profile: ${mock.options.profile}; test routes: ${mock.options.testRoutes ? 'on' : 'off'}; demo traffic: ${mock.options.traffic}`,
  );
  console.log(`[mock] console: ${mock.options.consoleUrl} (invitation links and single sign-on point there; mail is written to this log)`);
  if (mock.options.profile === 'full') console.log(`[mock] OpenAPI: http://${host}:${info.port}/api/v1/openapi.json`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  // Every acknowledged change is on disk already; closing checkpoints the write-ahead log.
  console.log(`[mock] ${signal}: stopping`);
  server.close();
  mock.close();
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
