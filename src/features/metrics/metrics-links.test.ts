import { describe, expect, it } from 'vitest';
import { endpointWords, logsSearchFor, servingEndpoints, windowStart } from './metrics-links';

const at = Date.parse('2026-12-06T15:42:37.250Z');

describe('from a version’s figures to its calls', () => {
  it('starts the window at its first bucket, as the platform aligns them', () => {
    expect(new Date(windowStart('1h', at)).toISOString()).toBe('2026-12-06T14:43:00.000Z');
    expect(new Date(windowStart('15m', at)).toISOString()).toBe('2026-12-06T15:28:00.000Z');
    expect(new Date(windowStart('7d', at)).toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('is the Logs tab’s search for the version, the endpoint and the window from its start, and its 5xx', () => {
    const calls = logsSearchFor({ version: 2, path: '/embed', window: '1h', now: at });
    const errors = logsSearchFor({ version: 2, path: '/embed', window: '1h', now: at }, '5xx');
    expect(calls).toEqual({ version: 2, path: '/embed', since: '2026-12-06T14:43:00.000Z', status: undefined });
    expect(errors).toEqual({ ...calls, status: '5xx' });
    expect(logsSearchFor({ version: 1, window: '24h', now: at }).path).toBeUndefined();
  });
});

describe('the endpoints offered', () => {
  const version = (status: string, endpoints: [string, string][] | null) => ({
    status,
    endpoint_snapshot: endpoints && endpoints.map(([method, path]) => ({ method, path, summary: null, request_schema: {} })),
  });

  it('are the serving versions’, once per path with its methods, in path order', () => {
    const endpoints = servingEndpoints([
      version('active', [
        ['POST', '/embed'],
        ['GET', '/health'],
      ]),
      version('draining', [
        ['GET', '/embed'],
        ['GET', '/old'],
      ]),
      version('archived', [['GET', '/gone']]),
      version('draft', [['GET', '/next']]),
      version('active', null),
    ] as Parameters<typeof servingEndpoints>[0]);
    expect(endpoints).toEqual([
      { path: '/embed', methods: ['GET', 'POST'] },
      { path: '/health', methods: ['GET'] },
      { path: '/old', methods: ['GET'] },
    ]);
    expect(endpointWords('/embed', endpoints)).toBe('GET, POST /embed');
    expect(endpointWords('/nope', endpoints)).toBe('/nope');
  });
});
