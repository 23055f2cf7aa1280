/**
 * Helpers for the mock-server tests (in-process via `app.request`): the
 * composed platform and the demo seed's fixed names, for the domains' tests
 * and core's (which reach domains only through here and the root).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { MintResponse } from '../src/contract/tokens';
import { VersionPage, type ServiceVersion } from '../src/contract/versions';
import { AGENT_IDS } from './agents/seed';
import { DEMO_API_KEYS, DEMO_PASSWORD, DEMO_USERS } from './auth/seed';
import { IDS } from './core/seed-ids';
import type { Wall } from './core/wall';
import { createMockPlatform, type MockPlatform, type MockPlatformOptions } from './platform';

export const API = '/api/v1';
export const ORG = IDS.org;
export const WS = IDS.production;
export const WS_RESEARCH = IDS.research;
export const RING_DEV = IDS.rings.production.dev;
export const RING_PROD = IDS.rings.production.prod;
export const SERVICES = `${API}/orgs/${ORG}/workspaces/${WS}/hosted-services`;
export const RESEARCH_SERVICES = `${API}/orgs/${ORG}/workspaces/${WS_RESEARCH}/hosted-services`;
export { AGENT_IDS, DEMO_API_KEYS, DEMO_PASSWORD, DEMO_USERS, IDS };

export type Role = keyof typeof DEMO_USERS;

/** A fresh folder for each test, removed after it: `const dir = tempDirPerTest('mock-jobs-')`, then `dir()`. */
export function tempDirPerTest(prefix: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

/** Platforms a test opened, closed after it (their databases, in memory or on disk). */
const opened: MockPlatform[] = [];
afterEach(() => {
  for (const p of opened.splice(0)) p.close();
});

/**
 * The platform's wall in tests (core/wall.ts): a wait (`X-Mock-Latency-Ms`,
 * `MOCK_GATEWAY_LATENCY_MS`, `MOCK_LATENCY_MS`) passes at once, and counts in
 * what `now()` reads, so a call asked to be 400 ms slow is recorded as such
 * without the test waiting. `hold()` keeps the waits pending until `release()`,
 * to see who else is answered meanwhile.
 */
export class TestWall implements Wall {
  private waited = 0;
  private holding = false;
  private readonly held: (() => void)[] = [];
  private onHeld: (() => void) | undefined;
  /** Every wait asked, in order. */
  readonly asked: number[] = [];

  now(): number {
    return performance.now() + this.waited;
  }

  sleep(ms: number): Promise<void> {
    this.asked.push(ms);
    return new Promise((resolve) => {
      const done = () => {
        this.waited += ms;
        resolve();
      };
      if (!this.holding) return done();
      this.held.push(done);
      this.onHeld?.();
    });
  }

  /** From now on waits stay pending until `release()`. */
  hold(): void {
    this.holding = true;
  }

  /** Resolves once a wait is pending. */
  waiting(): Promise<void> {
    return this.held.length ? Promise.resolve() : new Promise((resolve) => (this.onHeld = resolve));
  }

  /** The pending waits pass (and later ones pass at once again). */
  release(): void {
    this.holding = false;
    for (const done of this.held.splice(0)) done();
  }
}

export function setup(options: MockPlatformOptions = {}) {
  const wall = new TestWall();
  const platform = createMockPlatform({ wall, ...options });
  opened.push(platform);
  async function call(
    method: string,
    path: string,
    init: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Res> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.raw !== undefined) body = init.raw;
    else if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await platform.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
  const tokens = new Map<Role, string>();
  async function login(role: Role = 'admin'): Promise<string> {
    const hit = tokens.get(role);
    if (hit) return hit;
    const res = await call('POST', `${API}/auth/login`, { body: { email: DEMO_USERS[role], password: DEMO_PASSWORD } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(role, res.body.access_token);
    return res.body.access_token as string;
  }
  return { platform, call, login, wall };
}

/** Bodies no write takes — empty, not JSON, JSON but not an object — which every write's "never a 500" test sends. */
export const NOT_AN_OBJECT = ['', 'nope', '[]', 'null', '"x"'];

/** A valid create body. */
export function newService(overrides: Record<string, unknown> = {}) {
  return { name: 'Document Processor', slug: 'document-processor', execution_mode: 'invocation', ring_id: RING_DEV, ...overrides };
}

type Call = ReturnType<typeof setup>['call'];

/** The body of an answer read with the contract's schema, once its status is the one expected (else the body is in the failure). */
export function bodyOf<T>(res: Res, status: number, schema: { parse: (body: unknown) => T }): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return schema.parse(res.body);
}

/** A service's versions, newest first. */
export async function listVersions(call: Call, token: string, serviceId: string): Promise<ServiceVersion[]> {
  return bodyOf(await call('GET', `${SERVICES}/${serviceId}/versions`, { token }), 200, VersionPage).items;
}

/** `{ 1: { status, traffic }, … }`: what a traffic test compares. */
export const byNumber = (items: ServiceVersion[]) =>
  Object.fromEntries(items.map((v) => [v.version, { status: v.status, traffic: v.traffic_percent }]));

export const serviceTokensPath = (serviceId: string) => `${SERVICES}/${serviceId}/service-tokens`;
export const gatewayPath = (serviceId: string, path: string) => `${API}/orgs/${ORG}/services/${serviceId}/${path}`;

/** Mint a service token for a demo service (invoice-extractor by default). */
export async function mint(
  call: Call,
  user: string,
  serviceId: string = IDS.services.invoiceExtractor,
  body: unknown = { claims: { tenant_id: 't-123' }, ttl_minutes: 120 },
) {
  return bodyOf(await call('POST', `${serviceTokensPath(serviceId)}/mint`, { token: user, body }), 201, MintResponse);
}

/** A gateway call to invoice-extractor's POST /extract. */
export const extract = (token: string, body: unknown = { document_url: 'https://example.com/a.pdf' }) => ({ token, body });
