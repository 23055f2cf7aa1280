/**
 * Sign-in throttling (issue 11): after `maxFailures` failed sign-ins for an
 * account within `windowS` seconds, further attempts for it — right or wrong —
 * are a 429 with `Retry-After` until the oldest failure leaves the window. A
 * success clears the account's failures. `/auth/login` counts per email (known
 * or not, so the answer says nothing about which accounts exist); the API-key
 * exchange counts per key and per client address (a key is its own account,
 * and guessing keys means trying many). Kept in memory: a restart forgets it.
 * The window is on the platform's clock (clock.ts).
 */
import type { Clock } from './clock';
import { HttpError } from './errors';

export interface ThrottleSettings {
  /** Failures allowed in the window; 0 turns throttling off (`MOCK_LOGIN_MAX_FAILURES`, default 10). */
  maxFailures: number;
  /** The window, seconds (`MOCK_LOGIN_WINDOW_S`, default 300). */
  windowS: number;
}

/** Accounts remembered at most; past it, those whose failures left the window go first, then the oldest. */
const MAX_KEYS = 10_000;

export class SignInThrottle {
  /** Failure times (ms), oldest first, per key; at most `maxFailures` each. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly settings: ThrottleSettings,
    private readonly clock: Clock,
  ) {}

  private get windowMs(): number {
    return this.settings.windowS * 1000;
  }

  /** Seconds until `key` may try again (0: now). */
  waitSeconds(key: string, now = this.clock.now()): number {
    const { maxFailures } = this.settings;
    if (maxFailures <= 0) return 0;
    const times = this.failures.get(key);
    if (!times || times.length < maxFailures) return 0;
    const wait = times[times.length - maxFailures]! + this.windowMs - now;
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** Run a sign-in for these keys: a 429 if any is throttled; a 401 from it counts as a failure for each; a success clears them. */
  async guard<T>(keys: readonly string[], signIn: () => Promise<T>, now = this.clock.now()): Promise<T> {
    const wait = Math.max(0, ...keys.map((k) => this.waitSeconds(k, now)));
    if (wait > 0) {
      throw new HttpError(429, `Too many failed sign-in attempts. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`, {
        'Retry-After': String(wait),
      });
    }
    try {
      const result = await signIn();
      for (const k of keys) this.failures.delete(k);
      return result;
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) for (const k of keys) this.fail(k, now);
      throw e;
    }
  }

  private fail(key: string, now: number): void {
    const { maxFailures } = this.settings;
    if (maxFailures <= 0) return;
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    times.push(now);
    if (times.length > maxFailures) times.splice(0, times.length - maxFailures);
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > MAX_KEYS) this.prune(now);
  }

  private prune(now: number): void {
    for (const [k, times] of this.failures) if (times[times.length - 1]! <= now - this.windowMs) this.failures.delete(k);
    for (const k of this.failures.keys()) {
      if (this.failures.size <= MAX_KEYS) break;
      this.failures.delete(k);
    }
  }
}
