/**
 * Each Playwright worker's own platform: a mock (in the worker's process, its
 * state in a file of its own) and `vite preview` of the one build, `dist/`,
 * forwarding `/api` and `/v1` to that mock.
 *
 * Why one per worker and not one shared by all: the mock's time moves only
 * when a story moves it (`advanceClock`, the test route), and with one mock
 * for every worker a story that moved it — 15 minutes to expire a token, an
 * hour to finish a deploy — would move it for the stories running beside it
 * too: a deploy another story was watching in "Building" would jump to
 * "Active", its tokens would expire. With a mock per worker, a worker's stories
 * run one after another on a clock and data that only they touch, so a story
 * sees each state for as long as it likes and then moves on, and nothing
 * moves while it looks.
 *
 * Nothing here moves by itself: every phase (deploy, agent instance, job,
 * drain) lasts `PHASE_MS` (clock.ts), an hour, so a story advances the clock
 * exactly when it wants the next state.
 */
import { serve } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { discardState } from '../../mock-server/core/persistence';
import { createMockPlatform, type MockPlatform, type MockProfile } from '../../mock-server/platform';
import { PHASE_MS } from './clock';

export type WorkerServers = {
  /** The console (vite preview of dist/), the tests' baseURL. */
  webUrl: string;
  /** The mock platform itself (the console reaches it through webUrl's /api). */
  mockUrl: string;
  /** The mock's state on disk, for the stories that check a secret never reaches it. */
  stateFile: string;
  close(): Promise<void>;
};

/**
 * `E2E_PORT_BASE` (optional): the worker with parallel index i takes ports
 * base + 10·i (mock) and base + 10·i + 1 (console). Unset, the system picks
 * free ports, so two runs on one machine never collide.
 */
function portsFor(parallelIndex: number): { mock: number; web: number } {
  const base = Number(process.env.E2E_PORT_BASE ?? 0);
  if (!Number.isInteger(base) || base < 0) throw new Error(`E2E_PORT_BASE must be a port number, got ${process.env.E2E_PORT_BASE}`);
  return base ? { mock: base + 10 * parallelIndex, web: base + 10 * parallelIndex + 1 } : { mock: 0, web: 0 };
}

export async function startWorkerServers(profile: MockProfile, parallelIndex: number): Promise<WorkerServers> {
  const ports = portsFor(parallelIndex);
  const dir = resolve('.e2e-dist');
  mkdirSync(dir, { recursive: true });
  // Named by this worker's process: a worker started after a failure gets a new file.
  const stateFile = resolve(dir, `mock-${process.pid}-${parallelIndex}.sqlite`);
  discardState(stateFile);
  // The mock listens first, its handler set once the platform exists: the platform needs the console's address
  // (invitation links and single sign-on send the browser there), and the console's proxy needs the mock's.
  const started: { platform?: MockPlatform } = {};
  const mock = serve({ fetch: (request) => started.platform!.app.fetch(request), port: ports.mock, hostname: '127.0.0.1' });
  await new Promise<void>((done, fail) => {
    mock.once('listening', done);
    mock.once('error', fail);
  });
  const mockUrl = `http://127.0.0.1:${(mock.address() as AddressInfo).port}`;

  // As vite.config.ts's proxy, pointed at this worker's mock; no config file, so none of the build's plugins load.
  const web = await preview({
    configFile: false,
    root: resolve('.'),
    logLevel: 'warn',
    build: { outDir: 'dist' },
    preview: {
      host: '127.0.0.1',
      port: ports.web,
      strictPort: true,
      open: false,
      proxy: { '/api': { target: mockUrl, changeOrigin: true }, '/v1/': { target: mockUrl, changeOrigin: true } },
    },
  });
  const webUrl = `http://127.0.0.1:${(web.httpServer.address() as AddressInfo).port}`;

  const platform = createMockPlatform({
    dataFile: stateFile,
    seed: 'demo',
    profile,
    testRoutes: true,
    consoleUrl: webUrl,
    // Tokens and the sign-in throttle keep the mock's defaults (clock.ts names them).
    deployPhaseMs: PHASE_MS,
    agentPhaseMs: PHASE_MS,
    jobRunMs: PHASE_MS,
    drainMs: PHASE_MS,
  });
  started.platform = platform;

  return {
    webUrl,
    mockUrl,
    stateFile,
    close: async () => {
      await web.close();
      await new Promise<void>((done) => {
        mock.close(() => done());
        // Keep-alive connections from the preview's proxy would hold it open.
        (mock as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      platform.close();
      discardState(stateFile);
    },
  };
}
