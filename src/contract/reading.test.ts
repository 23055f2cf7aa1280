import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { TokenResponse, Whoami, readTokenResponse, readWhoami, type WhoamiRead } from './auth';
import { OrganizationPage, readOrganizationPage } from './organizations';
import { isKnown, utcTimestamp, type PageRead, type UnknownValue } from './reading';
import { Ring, RingPage, readRing, readRingPage } from './rings';
import {
  HostedService,
  inScope,
  PERSISTENT_DEFAULTS,
  PERSISTENT_SETTINGS,
  ServicePage,
  ServiceStatus,
  readHostedService,
  readServicePage,
  type HostedService as Service,
  type HostedServiceRead,
} from './services';
import { DeploymentStatusDetails, readDeploymentStatus } from './deployments';
import { Endpoint, ServiceVersion, readEndpoint, readServiceVersion } from './versions';

const ORG = '0f6f2d6e-0000-4000-8000-000000000001';
const WORKSPACE = '0f6f2d6e-0000-4000-8000-000000000011';
const RING = '0f6f2d6e-0000-4000-8000-000000000021';
const id = (n: number) => `0f6f2d6e-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A service exactly as our mock sends it. */
const service = (n: number): Service => ({
  id: id(100 + n),
  org_id: ORG,
  workspace_id: WORKSPACE,
  name: `Service ${n}`,
  slug: `service-${n}`,
  description: null,
  execution_mode: 'invocation',
  status: 'draft',
  ring_id: RING,
  environment_id: null,
  connector_bindings: {},
  ...PERSISTENT_DEFAULTS,
  system_packages: [],
  active_version_id: null,
  active_version: null,
  draft_version_id: id(200 + n),
  draft_version: 1,
  deployment_state: null,
  created_at: '2025-01-02T03:04:05.000Z',
  updated_at: '2025-01-02T03:04:05.000Z',
});

const me = { id: id(1), email: 'dev@example.com', name: 'Dev', role: 'developer', org_id: ORG };

const without = <T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> => {
  const { [key]: _dropped, ...rest } = value;
  return rest;
};

describe('the lenient reading of a platform', () => {
  describe('whoami', () => {
    it('reads a role it does not know as viewer, keeping the original for a notice', () => {
      const user = readWhoami.parse({ ...me, role: 'owner' });
      expect(user.role).toBe('viewer');
      expect(user.role_unrecognized).toBe('owner');
      expect(Whoami.safeParse({ ...me, role: 'owner' }).success).toBe(false);
    });

    it('keeps a known role and says nothing', () => {
      expect(readWhoami.parse(me)).toEqual({ ...me, role_unrecognized: null, role_missing: false });
    });

    it('reads a missing role as viewer, and says the platform gave none', () => {
      for (const user of [without(me, 'role'), { ...me, role: null }]) {
        expect(readWhoami.parse(user)).toMatchObject({ role: 'viewer', role_missing: true, role_unrecognized: null });
      }
      expect(Whoami.safeParse(without(me, 'role')).success).toBe(false);
    });

    it('leaves a missing name for the data layer to find (GET /users/me), and takes any id as it came', () => {
      expect(readWhoami.parse({ ...me, name: null }).name).toBeNull();
      expect(readWhoami.parse(without(me, 'name')).name).toBeNull();
      expect(readWhoami.parse({ ...me, id: 'auth0|42', org_id: 7 })).toMatchObject({ id: 'auth0|42', org_id: '7' });
      expect(readWhoami.parse({ email: me.email })).toEqual({
        id: null,
        email: me.email,
        name: null,
        org_id: null,
        role: 'viewer',
        role_unrecognized: null,
        role_missing: true,
      });
      expect(Whoami.safeParse({ ...me, name: null }).success).toBe(false);
      expect(Whoami.safeParse({ ...me, id: 'auth0|42' }).success).toBe(false);
      expect(readWhoami.safeParse(without(me, 'email')).success).toBe(false);
    });
  });

  describe('a hosted service', () => {
    const variations: [string, Record<string, unknown>, (s: HostedServiceRead) => void][] = [
      ['status "published"', { ...service(1), status: 'published' }, (s) => expect(s.status).toBe('published')],
      ['min_replicas: null', { ...service(1), min_replicas: null }, (s) => expect(s.min_replicas).toBe(0)],
      ['connector_bindings: null', { ...service(1), connector_bindings: null }, (s) => expect(s.connector_bindings).toEqual({})],
      ['no deployment_state', without(service(1), 'deployment_state'), (s) => expect(s.deployment_state).toBeNull()],
      [
        'a timestamp without an offset',
        { ...service(1), created_at: '2025-01-02T03:04:05' },
        (s) => expect(s.created_at).toBe('2025-01-02T03:04:05.000Z'),
      ],
      // Our decisions (CONTRACT §2 names the fields a create takes, not these): missing, they read as unknown.
      ['no org_id', without(service(1), 'org_id'), (s) => expect(s.org_id).toBeNull()],
      ['no workspace_id', without(service(1), 'workspace_id'), (s) => expect(s.workspace_id).toBeNull()],
      ['no created_at', without(service(1), 'created_at'), (s) => expect(s.created_at).toBeNull()],
      ['updated_at: null', { ...service(1), updated_at: null }, (s) => expect(s.updated_at).toBeNull()],
    ];

    it.each(variations)('comes through with %s, which the mock would never send', (_, input, check) => {
      check(readHostedService.parse(input));
      expect(HostedService.safeParse(input).success).toBe(false);
    });

    it('gives the documented defaults for persistent settings the platform leaves out', () => {
      const keys: readonly string[] = PERSISTENT_SETTINGS;
      const sparse = Object.fromEntries(Object.entries(service(1)).filter(([k]) => !keys.includes(k)));
      // Seed 000's documented defaults fill what is missing.
      expect(readHostedService.parse(sparse)).toMatchObject(PERSISTENT_DEFAULTS);
    });

    it('never shares a default between two rows', () => {
      const [a, b] = [
        readHostedService.parse({ ...service(1), system_packages: null }),
        readHostedService.parse({ ...service(2), system_packages: null }),
      ];
      a.system_packages.push('curl');
      expect(b.system_packages).toEqual([]);
    });

    it('ignores fields it does not know, as the strict reading does', () => {
      const extra = { ...service(1), billing_tier: 'gold' };
      expect(readHostedService.parse(extra)).not.toHaveProperty('billing_tier');
      expect(HostedService.parse(extra)).not.toHaveProperty('billing_tier');
    });

    it('reads what our mock sends exactly as the strict reading does', () => {
      expect(readHostedService.parse(service(1))).toEqual(HostedService.parse(service(1)));
    });

    it('reads a service with only what the seeds document, and places it in the workspace it was read from', () => {
      const documented = {
        id: id(101),
        name: 'Invoice Extractor',
        slug: 'invoice-extractor',
        execution_mode: 'invocation',
        status: 'active',
      };
      const read = readHostedService.parse(documented);
      expect(read).toMatchObject({
        org_id: null,
        workspace_id: null,
        created_at: null,
        updated_at: null,
        ring_id: null,
        description: null,
      });
      expect(inScope(read, { orgId: ORG, workspaceId: WORKSPACE })).toMatchObject({ org_id: ORG, workspace_id: WORKSPACE });
      // Where the platform says where it lives, that is kept.
      expect(inScope(readHostedService.parse(service(1)), { orgId: id(9), workspaceId: id(99) })).toMatchObject({
        org_id: ORG,
        workspace_id: WORKSPACE,
      });
      expect(HostedService.safeParse(documented).success).toBe(false);
    });

    it('marks an unknown status so the UI has to handle it', () => {
      const { status } = readHostedService.parse({ ...service(1), status: 'published' });
      expect(isKnown(ServiceStatus.options, status)).toBe(false);
      expectTypeOf(status).toEqualTypeOf<'draft' | 'active' | 'archived' | UnknownValue>();
      if (isKnown(ServiceStatus.options, status)) expectTypeOf(status).toEqualTypeOf<'draft' | 'active' | 'archived'>();
    });

    it('still rejects what is wrong rather than merely different', () => {
      expect(readHostedService.safeParse({ ...service(1), min_replicas: 'many' }).success).toBe(false);
      expect(readHostedService.safeParse({ ...service(1), created_at: 'yesterday' }).success).toBe(false);
      expect(readHostedService.safeParse(without(service(1), 'name')).success).toBe(false);
    });
  });

  describe('lists', () => {
    it('reads a list row by row: one bad row of three leaves two rows and an error row', () => {
      const rows = [service(1), { ...service(2), name: 42 }, service(3)];
      const page = readServicePage.parse({ items: rows, total: 3, limit: 25, offset: 0 });
      expect(page.items.map((s) => s.slug)).toEqual(['service-1', 'service-3']);
      expect(page.invalid).toEqual([{ index: 1, id: service(2).id, message: 'name: expected string' }]);
      expect(page.total).toBe(3);
      expect(ServicePage.safeParse({ items: rows, total: 3, limit: 25, offset: 0 }).success).toBe(false);
    });

    it('places an unreadable row in the whole list, not the page', () => {
      const page = readServicePage.parse({ items: [service(1), { id: 'x' }], total: 60, limit: 25, offset: 50 });
      expect(page.invalid).toEqual([expect.objectContaining({ index: 51, id: 'x' })]);
    });

    it('says which field is missing, and has no id to give for a row without one', () => {
      const page = readServicePage.parse([service(1), without(service(2), 'id')]);
      expect(page.invalid).toEqual([{ index: 1, id: null, message: 'id: missing' }]);
    });

    const envelopes: [string, unknown, Omit<PageRead<unknown>, 'items' | 'invalid'>][] = [
      [
        '{items, total, limit, offset}',
        { items: [service(1), service(2)], total: 12, limit: 2, offset: 4 },
        { total: 12, limit: 2, offset: 4, paged: true },
      ],
      ['{items, total}', { items: [service(1), service(2)], total: 12 }, { total: 12, limit: 2, offset: 0, paged: true }],
      ['{items}', { items: [service(1), service(2)] }, { total: 2, limit: 2, offset: 0, paged: false }],
      ['a bare array', [service(1), service(2)], { total: 2, limit: 2, offset: 0, paged: false }],
    ];

    it.each(envelopes)('reads %s', (name, body, counts) => {
      const page = readServicePage.parse(body);
      expect(page).toEqual({ items: [HostedService.parse(service(1)), HostedService.parse(service(2))], invalid: [], ...counts });
      // The mock answers with the full envelope only.
      expect(ServicePage.safeParse(body).success).toBe(name === '{items, total, limit, offset}');
    });

    it('reads organizations the same way, from an envelope without paging', () => {
      const org = { id: ORG, name: 'Acme', slug: 'acme', created_at: '2025-01-02T03:04:05.000Z' };
      expect(readOrganizationPage.parse({ items: [org, { id: ORG }] })).toMatchObject({ items: [org], invalid: [{ index: 1 }], total: 2 });
      expect(OrganizationPage.safeParse({ items: [org] }).success).toBe(false);
    });
  });

  describe('rings', () => {
    const ring = {
      id: RING,
      name: 'dev',
      description: null,
      position: 0,
      created_at: '2025-01-02T03:04:05Z',
      updated_at: '2025-01-02T03:04:05Z',
    };

    it('reads a ring without a position (seed 004 reads only id and name)', () => {
      expect(readRing.parse(without(ring, 'position')).position).toBeNull();
      expect(readRing.parse({ id: RING, name: 'dev' })).toEqual({
        id: RING,
        name: 'dev',
        description: null,
        position: null,
        created_at: null,
        updated_at: null,
      });
      expect(Ring.safeParse(without(ring, 'position')).success).toBe(false);
    });

    it('reads the bare list that client.rings.list() iterates', () => {
      expect(readRingPage.parse([{ id: RING, name: 'dev' }]).items).toHaveLength(1);
      expect(RingPage.safeParse([ring]).success).toBe(false);
    });
  });

  describe('the token response', () => {
    const tokens = { access_token: 'a.b.c', refresh_token: 'r', token_type: 'bearer', expires_in: 900 };

    it('accepts token_type in any case and no refresh token', () => {
      const read = readTokenResponse.parse({ access_token: 'a.b.c', token_type: 'Bearer', expires_in: 900 });
      expect(read).toEqual({ access_token: 'a.b.c', refresh_token: null, token_type: 'bearer', expires_in: 900 });
      expect(TokenResponse.safeParse({ ...tokens, token_type: 'Bearer' }).success).toBe(false);
      expect(TokenResponse.safeParse(without(tokens, 'refresh_token')).success).toBe(false);
    });

    it('leaves the lifetime unknown when the platform does not say', () => {
      expect(readTokenResponse.parse(without(tokens, 'expires_in')).expires_in).toBeNull();
      expect(TokenResponse.safeParse(without(tokens, 'expires_in')).success).toBe(false);
    });

    it('still refuses another kind of token', () => {
      expect(readTokenResponse.safeParse({ ...tokens, token_type: 'mac' }).success).toBe(false);
    });
  });

  describe('versions and deployments', () => {
    const version = {
      id: id(201),
      service_id: id(101),
      version: 1,
      status: 'draft',
      traffic_percent: 0,
      endpoint_snapshot: null,
      skill_snapshot: null,
      created_at: '2025-01-02T03:04:05Z',
      published_at: null,
    };

    it('reads a version in a state we do not know, without our decided fields', () => {
      const read = readServiceVersion.parse({
        id: id(201),
        version: 2,
        status: 'canary',
        traffic_percent: 10,
        created_at: '2025-01-02 03:04:05.123456+02:00',
      });
      expect(read).toMatchObject({ status: 'canary', service_id: null, endpoint_snapshot: null, skill_snapshot: null, published_at: null });
      expect(read.created_at).toBe('2025-01-02T01:04:05.123Z');
      expect(ServiceVersion.safeParse({ ...version, status: 'canary' }).success).toBe(false);
    });

    it.each([
      ['traffic_percent', without(version, 'traffic_percent'), { traffic_percent: null }],
      ['created_at', without(version, 'created_at'), { created_at: null }],
      ['both', { id: id(201), version: 3, status: 'active' }, { traffic_percent: null, created_at: null, published_at: null }],
    ])('reads a version without %s (our decision): unknown, not an unreadable row', (_, input, expected) => {
      expect(readServiceVersion.parse(input)).toMatchObject(expected);
      expect(ServiceVersion.safeParse(input).success).toBe(false);
    });

    const endpoint = {
      id: id(301),
      version_id: id(201),
      method: 'POST',
      path: '/invoices',
      summary: 'Read an invoice',
      description: null,
      request_schema: { type: 'object' },
      response_schema: { type: 'object' },
      created_at: '2025-01-02T03:04:05.000Z',
      updated_at: '2025-01-02T03:04:05.000Z',
    };

    it('reads an endpoint named by its method and path alone; one without a path cannot be read', () => {
      const bare = { id: id(301), method: 'POST', path: '/invoices' };
      expect(readEndpoint.parse(bare)).toMatchObject({ summary: null, request_schema: {}, response_schema: {}, description: null });
      expect(Endpoint.safeParse(bare).success).toBe(false);
      expect(Endpoint.safeParse(endpoint).success).toBe(true);
      expect(readEndpoint.safeParse(without(endpoint, 'path')).success).toBe(false);
      const snapshot = readServiceVersion.parse({ ...version, status: 'active', endpoint_snapshot: [{ method: 'GET', path: '/health' }] });
      expect(snapshot.endpoint_snapshot).toEqual([
        { method: 'GET', path: '/health', summary: null, request_schema: {}, response_schema: {} },
      ]);
    });

    it('reads the deployment status the seed documents, without our extras', () => {
      const status = { deployment_state: 'active', health: 'healthy', message: null, synced: true };
      expect(readDeploymentStatus.parse(status)).toMatchObject({ ...status, serving_version: null, in_progress: null });
      expect(readDeploymentStatus.parse({ ...status, deployment_state: 'scaling', health: 'starting' })).toMatchObject({
        deployment_state: 'scaling',
        health: 'starting',
      });
      expect(DeploymentStatusDetails.safeParse({ ...status, health: 'starting' }).success).toBe(false);
    });
  });
});

describe('utcTimestamp', () => {
  it.each([
    ['2025-01-02T03:04:05', '2025-01-02T03:04:05.000Z'],
    ['2025-01-02T03:04:05Z', '2025-01-02T03:04:05.000Z'],
    ['2025-01-02T03:04:05+02:00', '2025-01-02T01:04:05.000Z'],
    ['2025-01-02T03:04:05-0530', '2025-01-02T08:34:05.000Z'],
    ['2025-01-02T03:04:05.123456', '2025-01-02T03:04:05.123Z'],
    ['2025-01-02T03:04:05.5Z', '2025-01-02T03:04:05.500Z'],
    ['2025-01-02 03:04:05', '2025-01-02T03:04:05.000Z'],
    ['2025-01-02T03:04', '2025-01-02T03:04:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(utcTimestamp(text)).toBe(iso);
  });

  it.each(['2025-02-30T00:00:00', '2025-01-02T24:00:00', '2025-01-02', 'yesterday', ''])('refuses %j', (text) => {
    expect(utcTimestamp(text)).toBeNull();
  });
});

describe('types', () => {
  it('keeps the strict output exactly as the mock types it, and makes the lenient one precise', () => {
    expectTypeOf<z.output<typeof HostedService>>().toEqualTypeOf<Service>();
    expectTypeOf<HostedServiceRead['min_replicas']>().toEqualTypeOf<number>();
    expectTypeOf<HostedServiceRead['deployment_state']>().toEqualTypeOf<
      'building' | 'built' | 'deploying' | 'active' | 'failed' | 'draining' | UnknownValue | null
    >();
    expectTypeOf<z.output<typeof readRing>['position']>().toEqualTypeOf<number | null>();
    expectTypeOf<WhoamiRead['role']>().toEqualTypeOf<'admin' | 'developer' | 'viewer'>();
    expectTypeOf<z.output<typeof readServicePage>>().toEqualTypeOf<PageRead<HostedServiceRead>>();
  });
});
