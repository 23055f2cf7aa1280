import { describe, expect, it } from 'vitest';
import { endpointWords, logsSearchFor, servingEndpoints } from './metrics-links';

const from = '2026-12-06T14:43:00.000Z';

describe('from a version’s figures to its calls', () => {
  it('is the Logs tab’s search for the version, the endpoint and the window the platform counted, and its 5xx', () => {
    const calls = logsSearchFor({ version: 2, path: '/embed', since: from });
    const errors = logsSearchFor({ version: 2, path: '/embed', since: from }, '5xx');
    expect(calls).toEqual({ version: 2, path: '/embed', since: from, status: undefined });
    expect(errors).toEqual({ ...calls, status: '5xx' });
    expect(logsSearchFor({ version: 1, since: from }).path).toBeUndefined();
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
