// @vitest-environment node
/**
 * Seed 004 (CLIClient), replayed over real HTTP against the mock as the
 * platform's Python client would: `flow-sdk login` (password or API key)
 * stores an access token, and `invoke_service` sends it as
 * `Authorization: Bearer …` to `/api/v1/orgs/{org}/services/{id}/[v{N}/]{path}`;
 * statuses map to the seed's exception classes.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockPlatform, type MockPlatform } from '../platform';
import { DEMO_API_KEYS, DEMO_PASSWORD, DEMO_USERS, IDS } from '../test-helpers';
import { demoId } from '../core/seed-ids';

const SENTIMENT = demoId(1005);
const INVOICE = IDS.services.invoiceExtractor;

class CLIClientError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(`API error ${status}: ${JSON.stringify(detail)}`);
  }
}
class CLIAuthenticationError extends CLIClientError {}
class CLIPermissionError extends CLIClientError {}
class CLINotFoundError extends CLIClientError {}

/** The seed's CLIClient, as far as these examples use it. */
class CLIClient {
  constructor(private readonly config: { platform_url: string; org_id: string; workspace_id: string; access_token: string }) {}

  /** `flow-sdk login` with a password (the stored JWT). */
  static async login(platformUrl: string, email: string, password: string): Promise<string> {
    return (await CLIClient.post(`${platformUrl}/api/v1/auth/login`, { email, password })).access_token as string;
  }

  /** `CLIClient.exchange_api_key(platform_url, api_key, ttl_minutes)`. */
  static async exchange_api_key({
    platform_url,
    api_key,
    ttl_minutes,
  }: {
    platform_url: string;
    api_key: string;
    ttl_minutes: number;
  }): Promise<string> {
    return (await CLIClient.post(`${platform_url}/api/v1/auth/api-keys/exchange`, { api_key, ttl_minutes })).access_token as string;
  }

  private static async post(url: string, body: unknown, token?: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return CLIClient.read(res);
  }

  private static async read(res: Response) {
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (res.ok) return data;
    const detail = data?.detail;
    if (res.status === 401) throw new CLIAuthenticationError(401, detail);
    if (res.status === 403) throw new CLIPermissionError(403, detail);
    if (res.status === 404) throw new CLINotFoundError(404, detail);
    throw new CLIClientError(res.status, detail);
  }

  /** The last response's headers (to see which version answered). */
  lastHeaders = new Headers();

  async invoke_service(o: {
    service_id: string;
    method: string;
    path: string;
    body?: unknown;
    query?: Record<string, string>;
    version?: number;
  }) {
    const pin = o.version === undefined ? '' : `v${o.version}/`;
    const qs = o.query ? `?${new URLSearchParams(o.query)}` : '';
    const url = `${this.config.platform_url}/api/v1/orgs/${this.config.org_id}/services/${o.service_id}/${pin}${o.path.replace(/^\/+/, '')}${qs}`;
    const res = await fetch(url, {
      method: o.method,
      headers: {
        authorization: `Bearer ${this.config.access_token}`,
        ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    });
    this.lastHeaders = res.headers;
    return CLIClient.read(res);
  }

  readonly hosted_services = {
    service_tokens: {
      mint: ({ service_id, claims, ttl_minutes }: { service_id: string; claims: Record<string, unknown>; ttl_minutes: number }) =>
        CLIClient.post(this.tokensUrl(service_id, 'mint'), { claims, ttl_minutes }, this.config.access_token),
      revoke: ({ service_id, jti, expires_at, reason }: { service_id: string; jti: string; expires_at: string; reason: string }) =>
        CLIClient.post(this.tokensUrl(service_id, 'revoke'), { jti, expires_at, reason }, this.config.access_token),
    },
  };

  private tokensUrl(serviceId: string, what: string) {
    return `${this.config.platform_url}/api/v1/orgs/${this.config.org_id}/workspaces/${this.config.workspace_id}/hosted-services/${serviceId}/service-tokens/${what}`;
  }

  /** A client with another stored token (what `load_config()` would give after another login). */
  as(access_token: string) {
    return new CLIClient({ ...this.config, access_token });
  }
}

let platform: MockPlatform;
let server: ServerType;
let platform_url: string;

beforeAll(async () => {
  platform = createMockPlatform();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  platform_url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  platform.close();
});

async function clientFor(role: keyof typeof DEMO_USERS) {
  const access_token = await CLIClient.login(platform_url, DEMO_USERS[role], DEMO_PASSWORD);
  return new CLIClient({ platform_url, org_id: IDS.org, workspace_id: IDS.production, access_token });
}

describe('seed 004: CLIClient against the mock, over HTTP', () => {
  it('invoke_service: POST /analyze answers as the seed prints', async () => {
    const client = await clientFor('developer');
    const result = await client.invoke_service({
      service_id: SENTIMENT,
      method: 'POST',
      path: '/analyze',
      body: { text: 'Analyze this document for sentiment.' },
    });
    expect(result).toEqual({ sentiment: 'positive', confidence: 0.92 });
    expect(client.lastHeaders.get('x-service-version')).toBe('2');
  });

  it('the quick test script: health check, then a functional test', async () => {
    const client = await clientFor('developer');
    const health = await client.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' });
    expect(`Health: ${JSON.stringify(health)}`).toBe('Health: {"status":"ok"}');
    const result = await client.invoke_service({ service_id: SENTIMENT, method: 'POST', path: '/process', body: { input: 'test data' } });
    expect(result).toEqual({ result: 'processed', characters: 9 });
  });

  it('version pinning: GET /status on version 2', async () => {
    const client = await clientFor('developer');
    expect(await client.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/status', version: 2 })).toEqual({
      status: 'ok',
      version: 2,
      model: 'sentiment-large-2',
    });
    expect(client.lastHeaders.get('x-service-version')).toBe('2');
    // Version 1 is archived: not found, as the error table says.
    await expect(client.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/status', version: 1 })).rejects.toBeInstanceOf(
      CLINotFoundError,
    );
  });

  it('API key exchange: the token flow-sdk login stores invokes services', async () => {
    const token = await CLIClient.exchange_api_key({ platform_url, api_key: DEMO_API_KEYS.developer, ttl_minutes: 60 });
    expect(`Token: ${token.slice(0, 20)}...`).toMatch(/^Token: eyJ/);
    const client = new CLIClient({ platform_url, org_id: IDS.org, workspace_id: IDS.production, access_token: token });
    expect(await client.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' })).toEqual({ status: 'ok' });
  });

  it('service tokens: mint, invoke with it, revoke', async () => {
    const client = await clientFor('developer');
    const token_result = await client.hosted_services.service_tokens.mint({
      service_id: SENTIMENT,
      claims: { tenant_id: 't-123', role: 'reader' },
      ttl_minutes: 120,
    });
    expect(token_result.jti).toMatch(/^[0-9a-f-]{36}$/);
    const asService = client.as(token_result.token);
    expect(
      await asService.invoke_service({ service_id: SENTIMENT, method: 'POST', path: '/analyze', body: { text: 'Great service!' } }),
    ).toEqual({ sentiment: 'positive', confidence: 0.92 });
    await client.hosted_services.service_tokens.revoke({
      service_id: SENTIMENT,
      jti: token_result.jti,
      expires_at: token_result.expires_at,
      reason: 'No longer needed',
    });
    await expect(asService.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' })).rejects.toBeInstanceOf(
      CLIAuthenticationError,
    );
    // The user's own token keeps working.
    expect(await client.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' })).toEqual({ status: 'ok' });
  });

  it('error handling: 401, 403 and 404 map to the seed’s exception classes', async () => {
    const client = await clientFor('developer');
    // CLINotFoundError: "Service or endpoint not found."
    await expect(client.invoke_service({ service_id: 'nonexistent-uuid', method: 'GET', path: '/health' })).rejects.toMatchObject({
      constructor: CLINotFoundError,
      detail: 'Service not found',
    });
    await expect(client.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/nope' })).rejects.toBeInstanceOf(CLINotFoundError);
    // CLIAuthenticationError: "Token expired" (or invalid, or missing).
    await expect(client.as('not-a-token').invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' })).rejects.toMatchObject({
      constructor: CLIAuthenticationError,
      detail: 'Invalid token',
    });
    const expired = await CLIClient.exchange_api_key({ platform_url, api_key: DEMO_API_KEYS.developer, ttl_minutes: 1 });
    const realNow = Date.now;
    Date.now = () => realNow() + 61_000;
    try {
      await expect(client.as(expired).invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' })).rejects.toMatchObject({
        constructor: CLIAuthenticationError,
        detail: 'Token has expired',
      });
    } finally {
      Date.now = realNow;
    }
    // CLIPermissionError: "You do not have access to this service." — a viewer may read, not call POST endpoints;
    // a service token opens only its own service.
    const viewer = await clientFor('viewer');
    expect(await viewer.invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' })).toEqual({ status: 'ok' });
    await expect(
      viewer.invoke_service({ service_id: SENTIMENT, method: 'POST', path: '/analyze', body: { text: 'x' } }),
    ).rejects.toMatchObject({
      constructor: CLIPermissionError,
      detail: 'Your role (viewer) cannot call POST endpoints through the gateway; viewers may call GET endpoints only',
    });
    const minted = await client.hosted_services.service_tokens.mint({ service_id: INVOICE, claims: {}, ttl_minutes: 5 });
    await expect(client.as(minted.token).invoke_service({ service_id: SENTIMENT, method: 'GET', path: '/health' })).rejects.toMatchObject({
      constructor: CLIPermissionError,
      detail: 'This token was minted for another service',
    });
  });
});
