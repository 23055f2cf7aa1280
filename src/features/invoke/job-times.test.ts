import { describe, expect, it } from 'vitest';
import { spanWords } from './job-times';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 6, 12) + ms).toISOString();

describe('spanWords', () => {
  it('says a span in the unit that reads best', () => {
    expect([0, 850, 3_240, 59_960, 60_000, 245_000, 3_600_000, 4_800_000].map((ms) => spanWords(at(0), at(ms)))).toEqual([
      '0 ms',
      '850 ms',
      '3.2 s',
      '60.0 s',
      '1 min',
      '4 min 5 s',
      '1 h',
      '1 h 20 min',
    ]);
  });

  it('says nothing without both times, or when they are out of order', () => {
    expect(spanWords(at(0), null)).toBeNull();
    expect(spanWords(undefined, at(0))).toBeNull();
    expect(spanWords(at(1000), at(0))).toBeNull();
    expect(spanWords('not a time', at(0))).toBeNull();
  });
});
