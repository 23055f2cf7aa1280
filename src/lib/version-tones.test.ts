import { describe, expect, it } from 'vitest';
import { versionTones } from './version-tones';

describe('versionTones', () => {
  it('gives the active version the accent, draining ones alternating ambers and the others greys, oldest first', () => {
    const tones = versionTones([
      { version: 4, status: 'active' },
      { version: 3, status: 'draining' },
      { version: 1, status: 'archived' },
      { version: 2, status: 'draining' },
      { version: 5, status: 'retiring-soon' },
    ]);
    expect([...tones].sort(([a], [b]) => a - b)).toEqual([
      [1, 'retired-0'],
      [2, 'draining-0'],
      [3, 'draining-1'],
      [4, 'active'],
      [5, 'retired-1'],
    ]);
  });
});
