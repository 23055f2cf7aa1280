/**
 * Real time passing on the network, apart from the platform's clock
 * (clock.ts): the waits that stand for a slow network or service
 * (`MOCK_LATENCY_MS`, `MOCK_GATEWAY_LATENCY_MS`, `X-Mock-Latency-Ms`) and the
 * durations the request log records. A wait is a timer, so the event loop
 * serves every other client meanwhile. Tests give the platform a wall of
 * their own (`wall` in its options; test-helpers.ts `TestWall`) on which a
 * wait passes at once but still counts in a call's duration.
 */
export interface Wall {
  /** Milliseconds, monotonic (`performance.now()`). */
  now(): number;
  /** Resolves `ms` later. */
  sleep(ms: number): Promise<void>;
}

export const REAL_WALL: Wall = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
