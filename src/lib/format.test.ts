import { describe, expect, it } from 'vitest';
import { formatCount, formatRate } from './format';
import { formatMs } from './format-latency';

describe('the figures of metrics', () => {
  it('counts requests exactly below ten thousand, compactly above', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9_999)).toBe('9,999');
    expect(formatCount(12_345)).toBe('12.3K');
    expect(formatCount(1_250_000)).toBe('1.3M');
  });

  it('says an error rate at one decimal, and a tiny one as below 0.1%', () => {
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(0.041)).toBe('4.1%');
    expect(formatRate(0.002)).toBe('0.2%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.0001)).toBe('<0.1%');
  });

  it('says a latency in ms, seconds past one, and a dash when none was measured', () => {
    expect(formatMs(null)).toBe('—');
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(8.46)).toBe('8.5 ms');
    expect(formatMs(120.4)).toBe('120 ms');
    expect(formatMs(1250)).toBe('1.25 s');
  });
});
