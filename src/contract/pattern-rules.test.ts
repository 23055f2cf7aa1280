import { describe, expect, it } from 'vitest';
import { patternHazard, patternProblems } from './pattern-rules';

const SAFE = [
  '^[a-z0-9]+(-[a-z0-9]+)*$',
  '^([a-z0-9]+-)*[a-z0-9]+$',
  '^(\\d{1,3}\\.){3}\\d{1,3}$',
  '^[0-9]{6,8}$',
  '^[0-9]{4}$',
  '^(?:[^"\\\\]|\\\\.)*$',
  '^(foo|bar)+$',
  '^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$',
  '^\\+?[1-9]\\d{1,14}$',
  '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$',
  '^https?://[^\\s/$.?#].[^\\s]*$',
  '^(a|b)*c$',
  '\\p{L}+',
  '^(?<year>\\d{4})-(?<month>\\d{2})$',
  '^(a+b)*$',
  '[\\u{1F600}-\\u{1F64F}]+',
  '^(?=.*\\d)[a-z\\d]{8,}$',
];

const UNSAFE: [string, RegExp][] = [
  ['^(a+)+$', /another repetition/],
  ['^(\\w+\\s?)*$', /another repetition/],
  ['^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', /another repetition/],
  ['^(a{2,3})*$', /another repetition/],
  ['(a+ba+)*', /another repetition/],
  ['^(a|aa)+$', /same character/],
  ['^(\\d|\\w)*$', /same character/],
  ['^(|a)*$', /empty alternative/],
  ['^(.*a){12}$', /another repetition/],
  ['^\\d+\\d*$', /in a row/],
  ['.*.*=.*', /in a row/],
  ['(a)\\1', /backreferences/],
  ['(?<x>a)\\k<x>', /backreferences/],
];

describe('patternHazard', () => {
  it.each(SAFE)('accepts %s', (p) => {
    expect(() => new RegExp(p, 'u')).not.toThrow();
    expect(patternHazard(p)).toBeNull();
  });

  it.each(UNSAFE)('refuses %s', (p, why) => {
    expect(() => new RegExp(p, 'u')).not.toThrow();
    expect(patternHazard(p)).toMatch(why);
  });

  it('what it refuses really is slow, and what it accepts is not (measured)', () => {
    const time = (p: string, s: string) => {
      const re = new RegExp(p, 'u');
      const t = performance.now();
      re.test(s);
      return performance.now() - t;
    };
    // The quickest of a few runs: a run the machine's other work held up says nothing of the pattern.
    const fastest = (p: string, s: string) => Math.min(...Array.from({ length: 5 }, () => time(p, s)));
    // 2^22 ways to split: many times slower than the accepted neighbour on the same input, however busy the machine
    // (both are slowed alike; an absolute bound would fail on a loaded one).
    const attack = `${'a'.repeat(22)}!`;
    expect(time('^(a+)+$', attack)).toBeGreaterThan(100 * Math.max(fastest('^(a+b)*$', attack), 0.01));
    expect(fastest('^([a-z0-9]+-)*[a-z0-9]+$', `${'a-'.repeat(5000)}!`)).toBeLessThan(20);
  });
});

describe('patternProblems', () => {
  it('finds every pattern that could backtrack catastrophically, at its place in the schema, and nothing else', () => {
    const schema = {
      type: 'object',
      properties: {
        slug: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        words: { type: 'array', items: { type: 'string', pattern: '^(\\w+\\s?)*$' } },
        broken: { type: 'string', pattern: '(' },
      },
      anyOf: [{ pattern: '(a)\\1' }],
    };
    expect(patternProblems(schema)).toEqual([
      {
        path: ['properties', 'words', 'items', 'pattern'],
        message: expect.stringMatching(/^pattern could backtrack catastrophically: a repeated group/),
      },
      { path: ['anyOf', 0, 'pattern'], message: expect.stringMatching(/backreferences are not allowed/) },
    ]);
  });
});
