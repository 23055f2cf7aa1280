import { describe, expect, it } from 'vitest';
import { splitAfterPublish, statusesAfterTrafficChange } from './traffic-rules';

describe('splitAfterPublish', () => {
  it('gives the previous active version the rest of the traffic', () => {
    expect(splitAfterPublish([{ id: 'v1', percent: 100 }], 'v2', 20)).toEqual([
      { id: 'v2', percent: 20 },
      { id: 'v1', percent: 80 },
    ]);
  });

  it('leaves nothing for the others at 100%', () => {
    expect(splitAfterPublish([{ id: 'v1', percent: 100 }], 'v2', 100)).toEqual([
      { id: 'v2', percent: 100 },
      { id: 'v1', percent: 0 },
    ]);
  });

  it('scales an existing canary in proportion, in whole numbers that sum to 100', () => {
    const split = splitAfterPublish(
      [
        { id: 'v2', percent: 20 },
        { id: 'v1', percent: 80 },
      ],
      'v3',
      10,
    );
    expect(split).toEqual([
      { id: 'v3', percent: 10 },
      { id: 'v2', percent: 18 },
      { id: 'v1', percent: 72 },
    ]);
    const odd = splitAfterPublish(
      [
        { id: 'a', percent: 33 },
        { id: 'b', percent: 33 },
        { id: 'c', percent: 34 },
      ],
      'n',
      50,
    );
    expect(odd.reduce((s, v) => s + v.percent, 0)).toBe(100);
  });

  it('handles the first publish', () => {
    expect(splitAfterPublish([], 'v1', 100)).toEqual([{ id: 'v1', percent: 100 }]);
  });
});

describe('statusesAfterTrafficChange', () => {
  const v1 = { id: 'v1', version: 1, status: 'draining' as const };
  const v2 = { id: 'v2', version: 2, status: 'active' as const };
  const v3 = { id: 'v3', version: 3, status: 'draining' as const };
  const shares = (p: Record<string, number>) => (id: string) => p[id] ?? 0;

  it('keeps the active version active and the others draining on a re-split', () => {
    expect(statusesAfterTrafficChange([v2, v1], shares({ v2: 50, v1: 50 }))).toEqual([
      { id: 'v2', percent: 50, status: 'active' },
      { id: 'v1', percent: 50, status: 'draining' },
    ]);
  });

  it('rolls back: the active version at 0 is archived and the busiest remaining one becomes active', () => {
    expect(statusesAfterTrafficChange([v2, v1, v3], shares({ v2: 0, v1: 70, v3: 30 }))).toEqual([
      { id: 'v2', percent: 0, status: 'archived' },
      { id: 'v1', percent: 70, status: 'active' },
      { id: 'v3', percent: 30, status: 'draining' },
    ]);
  });

  it('promotes a canary set to 100 and archives the rest', () => {
    const canary = { id: 'v2', version: 2, status: 'draining' as const };
    const old = { id: 'v1', version: 1, status: 'active' as const };
    expect(statusesAfterTrafficChange([canary, old], shares({ v2: 100, v1: 0 }))).toEqual([
      { id: 'v2', percent: 100, status: 'active' },
      { id: 'v1', percent: 0, status: 'archived' },
    ]);
  });

  it('breaks a tie for the rollback in favour of the newest version', () => {
    expect(statusesAfterTrafficChange([v2, v1, v3], shares({ v1: 50, v3: 50 })).find((v) => v.status === 'active')?.id).toBe('v3');
  });
});
