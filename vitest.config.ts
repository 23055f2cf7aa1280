import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Component tests that mock a module (`vi.mock`): named so, and run isolated. */
const MOCKING = 'src/**/*.mocked.test.tsx';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    // Every core (vitest's default leaves one to its own process, which mostly waits): on a 2-core machine that is two
    // test files at a time rather than one, half the time.
    maxWorkers: availableParallelism(),
    // Ceilings, not waits: a test takes them only when it is stuck or the machine is. On a shared two-core machine
    // under others' load (8 runnable processes a core, seen) a mock test that takes 1 s alone takes 6.
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'mock-server/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
      },
      {
        // Component tests: React Testing Library in jsdom, served by the real mock platform in-process (src/testing).
        extends: true,
        test: {
          name: 'component',
          include: ['src/**/*.test.tsx'],
          exclude: [MOCKING],
          environment: 'jsdom',
          setupFiles: ['src/testing/setup.ts'],
          // One jsdom and one module graph per worker rather than per file: 76 s → 45 s for these files on 2 cores.
          // Safe because setup.ts puts back everything a test can change (the mock's state, MSW's handlers, the
          // session, learnt capabilities, the DOM) after each test; shuffled runs pass (`--sequence.shuffle`).
          isolate: false,
          // A ceiling, not a budget: on a quiet 2-core machine these take a few seconds; two files at a time under load, more.
          testTimeout: 45_000,
        },
      },
      {
        // Component tests that replace a module (vi.mock) get a module graph of their own: in the shared one, a module an
        // earlier file has loaded stays the real one, and the mock is silently not there (seen: the lifecycle diagram's
        // test failed when another file had loaded the diagram first). scripts/test-config.test.ts holds them to the name.
        extends: true,
        test: {
          name: 'component-mocked',
          include: [MOCKING],
          environment: 'jsdom',
          setupFiles: ['src/testing/setup.ts'],
          testTimeout: 45_000,
        },
      },
    ],
  },
});
