import { describe, expect, it } from 'vitest';
import { splitAfterPublish } from './traffic-rules';

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
