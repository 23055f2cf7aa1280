import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteSavedRequest, saveRequest, savedRequests } from './saved-requests';
import { forgetJobs, recentJobIds, rememberJob } from './recent-jobs';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
  get keys() {
    return [...this.items.keys()];
  }
  dump = () => JSON.stringify([...this.items]);
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('saved requests', () => {
  it('writes nothing until one is saved, then keeps them per endpoint, by name', () => {
    expect(savedRequests('svc', 'POST /a')).toEqual([]);
    expect(storage.keys).toEqual([]);
    saveRequest('svc', 'POST /a', { name: ' Second ', body: '{"x": 2}', pathParams: {}, queryParams: {} });
    saveRequest('svc', 'POST /a', { name: 'First', body: '{"x": 1}', pathParams: { id: '7' }, queryParams: {} });
    saveRequest('svc', 'POST /b', { name: 'Other', body: '{}', pathParams: {}, queryParams: {} });
    expect(savedRequests('svc', 'POST /a').map((r) => [r.name, r.body])).toEqual([
      ['First', '{"x": 1}'],
      ['Second', '{"x": 2}'],
    ]);
    // The same name replaces.
    saveRequest('svc', 'POST /a', { name: 'First', body: '{"x": 3}', pathParams: {}, queryParams: {} });
    expect(savedRequests('svc', 'POST /a').find((r) => r.name === 'First')?.body).toBe('{"x": 3}');
  });

  it('keeps only what a saved request is: no other field can slip in (a token)', () => {
    const sneaky = { name: 'n', body: '{}', pathParams: {}, queryParams: {}, token: 'secret-token' } as Parameters<typeof saveRequest>[2];
    saveRequest('svc', 'POST /a', sneaky);
    expect(storage.dump()).not.toContain('secret-token');
  });

  it('deletes one, and the key once none is left', () => {
    saveRequest('svc', 'POST /a', { name: 'Only', body: '{}', pathParams: {}, queryParams: {} });
    expect(deleteSavedRequest('svc', 'POST /a', 'Only')).toEqual([]);
    expect(storage.keys).toEqual([]);
  });

  it('reads damaged storage as nothing saved', () => {
    storage.setItem('hs.saved-requests.svc', '{not json');
    expect(savedRequests('svc', 'POST /a')).toEqual([]);
    storage.setItem(
      'hs.saved-requests.svc',
      JSON.stringify({ 'POST /a': [{ name: 1 }, { name: 'ok', body: '{}', pathParams: {}, queryParams: {} }] }),
    );
    expect(savedRequests('svc', 'POST /a').map((r) => r.name)).toEqual(['ok']);
  });
});

describe('recent job ids', () => {
  it('keeps the newest first, once each, and forgets what is asked', () => {
    rememberJob('svc', 'a');
    rememberJob('svc', 'b');
    rememberJob('svc', 'a');
    expect(recentJobIds('svc')).toEqual(['a', 'b']);
    expect(forgetJobs('svc', ['a'])).toEqual(['b']);
    expect(forgetJobs('svc', ['b'])).toEqual([]);
    expect(storage.keys).toEqual([]);
  });
});
