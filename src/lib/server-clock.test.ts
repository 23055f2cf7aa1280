import { afterEach, describe, expect, it } from 'vitest';
import { formatRelative } from './format';
import { learnServerTime, serverNow } from './server-clock';

const MINUTE = 60_000;
const httpDate = (ms: number) => new Date(ms).toUTCString();

afterEach(() => learnServerTime(httpDate(Date.now())));

describe('serverNow', () => {
  it("is the browser's time until an answer says the platform's is otherwise", () => {
    expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50);
  });

  it("follows the platform's Date header when the clocks are minutes apart, either way", () => {
    learnServerTime(httpDate(Date.now() + 5 * MINUTE));
    expect(serverNow() - Date.now()).toBeGreaterThan(5 * MINUTE - 1500);
    expect(serverNow() - Date.now()).toBeLessThan(5 * MINUTE + 1500);
    learnServerTime(httpDate(Date.now() - 3 * MINUTE));
    expect(Date.now() - serverNow()).toBeGreaterThan(3 * MINUTE - 1500);
  });

  it("keeps the browser's time within two seconds: a header counts whole seconds, and an answer takes time to arrive", () => {
    learnServerTime(httpDate(Date.now() + 5 * MINUTE));
    learnServerTime(httpDate(Date.now() - 500));
    expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50);
  });

  it('ignores an answer without a Date header, or with one it cannot read (a platform on another origin may hide it)', () => {
    learnServerTime(httpDate(Date.now() + 5 * MINUTE));
    learnServerTime(null);
    learnServerTime('not a date');
    expect(serverNow() - Date.now()).toBeGreaterThan(5 * MINUTE - 1500);
  });
});

describe("what reads the platform's times against the platform's clock", () => {
  it("says how long ago a platform time was on the platform's clock, not the browser's", () => {
    learnServerTime(httpDate(Date.now() + 10 * MINUTE));
    expect(formatRelative(new Date(serverNow() - 2 * MINUTE).toISOString())).toBe('2 minutes ago');
  });
});
