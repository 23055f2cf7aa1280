/**
 * The platform's time as this browser reckons it: its answers' `Date` header
 * against the browser's clock when they arrive. Countdowns to what the
 * platform schedules (a rollout's next step) read it, so a browser clock that
 * is off — or a test that moves the mock's clock — does not make them lie. A
 * platform on another origin that does not expose `Date` leaves it the
 * browser's own time.
 */
let skewMs = 0;

/** The header counts whole seconds and an answer takes time to arrive: within this the clocks agree. */
const AGREE_MS = 2000;

export function learnServerTime(dateHeader: string | null, receivedAt = Date.now()): void {
  const at = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(at)) return;
  const skew = at - receivedAt;
  skewMs = Math.abs(skew) > AGREE_MS ? skew : 0;
}

/** Now, on the platform's clock (epoch ms). */
export const serverNow = (): number => Date.now() + skewMs;
