import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/browser';

/**
 * End-to-end tests run Chromium (Debian's, or Playwright's own; `npm run test:e2e`
 * installs one first if there is none: scripts/ensure-browser.ts) against the
 * real mock platform and the built console.
 */
const browser = findChromium();
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 4011);
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 4174);
export const MOCK_URL = `http://127.0.0.1:${MOCK_PORT}`;
/** The mock's state on disk: stories check that secrets never reach it. */
export const MOCK_STATE = `.e2e-dist/mock-${MOCK_PORT}.sqlite`;
// State and output folders per port, so two runs on different ports never share files. The build is the one
// `npm test` made for the size budget (dist/); scripts/ensure-build.ts builds it only when it is missing or stale.
/**
 * The `documented` project (issue 9): a second mock, serving only what the
 * seeds document (`MOCK_PROFILE=documented`), and the same build previewed
 * against it, each on its own port (+2), so both projects run side by side.
 */
const DOCUMENTED_MOCK_PORT = MOCK_PORT + 2;
const DOCUMENTED_WEB_PORT = WEB_PORT + 2;
export const DOCUMENTED_MOCK_URL = `http://127.0.0.1:${DOCUMENTED_MOCK_PORT}`;
const DOCUMENTED_SPEC = /documented-platform\.spec\.ts$/;
const MOCK_ENV = {
  MOCK_SEED: 'demo',
  // Short-lived tokens would make unrelated tests flaky; the refresh story sets its own expiry.
  MOCK_TOKEN_TTL: '900',
  MOCK_DEPLOY_PHASE_MS: '400',
  MOCK_AGENT_PHASE_MS: '400',
  // The test routes (/__test__/reset, used by global-setup) exist only in test mode.
  MOCK_TEST_ROUTES: '1',
  // A version replaced by a 100% publish drains this long before it is archived.
  MOCK_DRAIN_MS: '3000',
  // An async job is queued for 1.25 s, then runs for 5 s: long enough to cancel on a loaded machine, short enough to watch finish.
  MOCK_JOB_RUN_MS: '5000',
};

/** Each server started for this run (never one left from another), its errors shown and nothing else. */
const FRESH_AND_QUIET = { reuseExistingServer: false, stdout: 'ignore', stderr: 'pipe' } as const;

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/${WEB_PORT}`,
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  projects: [
    // The stories against the full mock; the documented-platform stories need the other mock (below).
    { name: 'desktop', testIgnore: [/layout\.spec\.ts/, DOCUMENTED_SPEC] },
    {
      // A phone (390 × 844, touch) runs the stories tagged @phone: the layout spec (every page without sideways scroll,
      // the menu, the header, dialogs) and the main stories — the canary split, a deploy, a token, a call from the Test tab
      // (not the endpoint editor's: Playwright's fill() on CodeMirror under touch emulation appends rather than replaces). The rest run once, on the desktop, to keep the suite within its time.
      name: 'phone',
      grep: /@phone/,
      testIgnore: DOCUMENTED_SPEC,
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 }, deviceScaleFactor: 1 },
    },
    // Issue 9: the console against a mock that serves only what the seeds document.
    { name: 'documented', testMatch: DOCUMENTED_SPEC, use: { baseURL: `http://127.0.0.1:${DOCUMENTED_WEB_PORT}` } },
  ],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      // Playwright's own Chromium needs no path; any other is named.
      ...(browser.source === 'playwright' || !browser.path ? {} : { executablePath: browser.path }),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      // --reset: each run's mock starts from the seed, whatever state (of whatever mock version) an earlier run left.
      command: 'npx tsx mock-server/main.ts --reset',
      url: `${MOCK_URL}/api/v1/openapi.json`,
      // Invitation links and single sign-on send the browser to this console.
      env: { ...MOCK_ENV, MOCK_PORT: String(MOCK_PORT), MOCK_DATA: MOCK_STATE, MOCK_CONSOLE_URL: `http://127.0.0.1:${WEB_PORT}` },
      ...FRESH_AND_QUIET,
      timeout: 60_000,
    },
    {
      command: `npx tsx scripts/ensure-build.ts && npx vite preview --port ${WEB_PORT}`,
      url: `http://127.0.0.1:${WEB_PORT}/login`,
      env: { API_TARGET: MOCK_URL, PORT: String(WEB_PORT) },
      ...FRESH_AND_QUIET,
      timeout: 180_000,
    },
    // After the build above: the same build, previewed against the documented-only mock.
    {
      command: 'npx tsx mock-server/main.ts --reset',
      // openapi.json is our extension, absent here: whoami answers 401, which Playwright reads as up.
      url: `${DOCUMENTED_MOCK_URL}/api/v1/auth/whoami`,
      env: {
        ...MOCK_ENV,
        MOCK_PORT: String(DOCUMENTED_MOCK_PORT),
        MOCK_DATA: `.e2e-dist/mock-${DOCUMENTED_MOCK_PORT}.sqlite`,
        MOCK_PROFILE: 'documented',
        MOCK_CONSOLE_URL: `http://127.0.0.1:${DOCUMENTED_WEB_PORT}`,
      },
      ...FRESH_AND_QUIET,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --port ${DOCUMENTED_WEB_PORT}`,
      url: `http://127.0.0.1:${DOCUMENTED_WEB_PORT}/login`,
      env: { API_TARGET: DOCUMENTED_MOCK_URL, PORT: String(DOCUMENTED_WEB_PORT) },
      ...FRESH_AND_QUIET,
      timeout: 60_000,
    },
  ],
});
