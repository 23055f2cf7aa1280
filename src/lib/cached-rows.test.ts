import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { replaceRow } from './cached-rows';

describe('replaceRow', () => {
  it('puts the answered row in place, keeping the page and the order', () => {
    const client = new QueryClient();
    client.setQueryData(['things'], {
      items: [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
      total: 2,
    });
    expect(replaceRow(client, ['things'], { id: 'b', n: 3 })).toBe(true);
    expect(client.getQueryData(['things'])).toEqual({
      items: [
        { id: 'a', n: 1 },
        { id: 'b', n: 3 },
      ],
      total: 2,
    });
  });

  it('says so when the page is not cached or does not hold the row, and changes nothing', () => {
    const client = new QueryClient();
    expect(replaceRow(client, ['things'], { id: 'a' })).toBe(false);
    expect(client.getQueryData(['things'])).toBeUndefined();
    client.setQueryData(['things'], { items: [{ id: 'a' }] });
    expect(replaceRow(client, ['things'], { id: 'z' })).toBe(false);
    expect(client.getQueryData(['things'])).toEqual({ items: [{ id: 'a' }] });
  });
});
