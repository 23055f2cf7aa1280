// @vitest-environment node
/** The real wall (wall.ts): a wait is a timer, so it delays only whoever waits. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REAL_WALL } from './wall';

afterEach(() => {
  vi.useRealTimers();
});

describe('REAL_WALL', () => {
  it('waits on a timer: done only once its time has passed, while everything else goes on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const t0 = REAL_WALL.now();
    let slept = false;
    const sleeping = REAL_WALL.sleep(300).then(() => (slept = true));
    // Someone else's work is not held up by the wait.
    await expect(Promise.resolve('other client')).resolves.toBe('other client');
    await vi.advanceTimersByTimeAsync(299);
    expect(slept).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(slept).toBe(true);
    expect(REAL_WALL.now() - t0).toBe(300);
  });
});
