import { defineConfig, devices } from '@playwright/test';
import type { MockProfile } from './mock-server/platform';
import { findChromium } from './scripts/browser';

/**
 * End-to-end tests run Chromium (Debian's, or Playwright's own; `npm run test:e2e`
 * installs one first if there is none: scripts/ensure-browser.ts) against the
 * real mock platform and the built console.
 *
 * No web servers here: the global setup makes sure of the one build (`dist/`),
 * and each worker starts its own mock platform, in its own process, and its own
 * `vite preview` of that build (e2e/support/servers.ts: why one per worker), on
 * free ports, or on E2E_PORT_BASE + 10 × its index (mock) and + 1 (console)
 * when that is set. Every test's baseURL is its worker's console.
 */
const browser = findChromium();
const DOCUMENTED_SPEC = /documented-platform\.spec\.ts$/;

export default defineConfig<object, { mockProfile: MockProfile }>({
  testDir: 'e2e',
  // Per port base, so two runs in one folder on different ports never share files.
  outputDir: `test-results/${process.env.E2E_PORT_BASE ?? 'e2e'}`,
  fullyParallel: true,
  workers: 2,
  // None, in CI too: a story that fails once fails the run, so a flake shows.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  projects: [
    // The stories against the full mock; the documented-platform stories need the other profile (below).
    { name: 'desktop', testIgnore: [/layout\.spec\.ts/, DOCUMENTED_SPEC] },
    {
      // A phone (390 × 844, touch) runs the stories tagged @phone: the layout spec (every page without sideways scroll,
      // the menu, the header, dialogs) and the main stories — the canary split, a deploy, a token, a call from the Test tab
      // (not the endpoint editor's: Playwright's fill() on CodeMirror under touch emulation appends rather than replaces).
      // The rest run once, on the desktop: what they check does not depend on the width.
      name: 'phone',
      grep: /@phone/,
      testIgnore: DOCUMENTED_SPEC,
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 }, deviceScaleFactor: 1 },
    },
    // Issue 9: the console against a mock that serves only what the seeds document (its workers' mocks are `documented`).
    { name: 'documented', testMatch: DOCUMENTED_SPEC, use: { mockProfile: 'documented' } },
  ],
  use: {
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
});
