/**
 * The platform's one clock. Everything the mock does on time reads it: deploy
 * phases and the drain period, jobs, agent instances, token issue and expiry,
 * refresh tokens, the idempotency window, sign-in throttling, sweeps, the
 * seeds' "n days ago", and every created/updated/last-used time. States that
 * move on time are stored as planned times and read against `now()` (nothing
 * runs in the background), so moving the clock moves every one of them at once.
 *
 * It is the machine's time (`Date.now()`, so a test's fake timers move it too)
 * plus what tests advanced: in-process with `platform.clock.advance(ms)`, over
 * HTTP with `POST /api/v1/__test__/clock` (test mode only). It only goes
 * forward, and a reset of the state keeps it, so nothing recorded is ever in
 * its future.
 *
 * Not on this clock, on purpose: waits that stand for real time passing on the
 * network (`MOCK_LATENCY_MS`, `MOCK_GATEWAY_LATENCY_MS`, `X-Mock-Latency-Ms`) and
 * the request log's durations (wall.ts), and the gateway's budget for
 * checking a body (CPU time).
 */

/** The latest time the clock reads: ISO 8601's four-digit years end here (later times would not fit the contract's date-times). */
export const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

export class Clock {
  private offset = 0;

  /** Milliseconds since the epoch. */
  now(): number {
    return Date.now() + this.offset;
  }

  /** Whole seconds since the epoch (a JWT's NumericDate). */
  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** As the contract writes times: ISO 8601 UTC. */
  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Whether the clock can move `ms` forward (not past `LATEST`). */
  canAdvance(ms: number): boolean {
    return Number.isSafeInteger(ms) && ms >= 0 && this.now() + ms <= LATEST;
  }

  /** Move forward by `ms` (a whole number ≥ 0); returns the new time. */
  advance(ms: number): number {
    if (!this.canAdvance(ms))
      throw new RangeError(`The clock moves forward by a whole number of milliseconds, up to ${new Date(LATEST).toISOString()}`);
    this.offset += ms;
    return this.now();
  }
}
