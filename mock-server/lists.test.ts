/**
 * Seed 001's common list parameters on every list the mock serves (CONTRACT
 * §14): the lists are found in the mock's own OpenAPI document (every GET that
 * takes `limit`), so a list added later is checked without being named here.
 * Then what each parameter does, list by list (the decisions in core/lists.ts).
 */
import { describe, expect, it } from 'vitest';
import { AgentDeploymentPage } from '../src/contract/agents';
import { ApiKeyPage } from '../src/contract/api-keys';
import { ActivityPage } from '../src/contract/activity';
import { ConnectorInstancePage, ConnectorTypePage } from '../src/contract/connectors';
import { WorkspacePage } from '../src/contract/organizations';
import { RingPage } from '../src/contract/rings';
import { MintedTokenPage, RevocationPage } from '../src/contract/tokens';
import { EndpointPage, VersionPage } from '../src/contract/versions';
import { AGENT_IDS, API, bodyOf, IDS, mint, newService, ORG, SERVICES, serviceTokensPath, setup, WS } from './test-helpers';

/** A real value for each path parameter of the demo seed. */
const PARAMS: Record<string, string> = {
  org_id: ORG,
  workspace_id: WS,
  service_id: IDS.services.invoiceExtractor,
  connector_id: 'postgresql',
  instance_id: IDS.connectors.ordersDb,
  deployment_id: AGENT_IDS.supportTriage,
};

/**
 * Lists paged otherwise, by the contract: a service's request log is read by
 * cursor (`limit` default 50, max 200, and `before`: CONTRACT §12), newest
 * first, a log having no other order.
 */
const PAGED_BY_CURSOR = [/\/requests$/];

type Parameter = { name: string; in: string; schema?: { enum?: string[]; anyOf?: { enum?: string[] }[] } };
type Operation = { parameters?: Parameter[] };

/** Every list of the mock: its URL (from the server's root) and the sort fields it documents. */
async function lists(call: ReturnType<typeof setup>['call'], token: string) {
  const doc = (await call('GET', `${API}/openapi.json`, { token })).body as {
    servers: { url: string }[];
    paths: Record<string, { get?: Operation; servers?: { url: string }[] }>;
  };
  const out: { url: string; sorts: string[]; others: string[] }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const query = (item.get?.parameters ?? []).filter((p) => p.in === 'query');
    const sort = query.find((p) => p.name === 'sort');
    if (!query.some((p) => p.name === 'limit') || PAGED_BY_CURSOR.some((cursor) => cursor.test(path))) continue;
    const base = item.servers?.[0]?.url ?? doc.servers[0]!.url;
    const url = base + path.replace(/\{(\w+)\}/g, (_m, name: string) => PARAMS[name] ?? `missing-${name}`);
    const sorts = sort?.schema?.enum ?? sort?.schema?.anyOf?.flatMap((s) => s.enum ?? []) ?? [];
    out.push({ url, sorts, others: query.map((p) => p.name) });
  }
  return out;
}

describe('every list takes the common parameters', () => {
  it('is found in the OpenAPI document: seventeen lists, each with limit, offset, sort, order and search', async () => {
    const { call, login } = setup();
    const found = await lists(call, await login('admin'));
    expect(found.length).toBeGreaterThanOrEqual(17);
    for (const list of found) {
      expect(list.url, list.url).not.toContain('missing-');
      expect(list.others, list.url).toEqual(expect.arrayContaining(['limit', 'offset', 'sort', 'order', 'search']));
      expect(list.sorts.length, `${list.url}: its sort fields`).toBeGreaterThan(0);
    }
  });

  it('answers parameters in range: a page of the size asked, each sort field, both orders, a search', async () => {
    const { call, login } = setup();
    const token = await login('admin');
    for (const { url, sorts } of await lists(call, token)) {
      const first = await call('GET', `${url}?limit=1&offset=0&order=asc`, { token });
      expect(first.status, `${url}: ${JSON.stringify(first.body)}`).toBe(200);
      expect(first.body, url).toMatchObject({ limit: 1, offset: 0 });
      expect(first.body.items.length, url).toBeLessThanOrEqual(1);
      const all = await call('GET', `${url}?limit=100`, { token });
      expect(all.body, url).toMatchObject({ limit: 100, offset: 0 });
      const none = await call('GET', `${url}?limit=1&offset=${all.body.total}`, { token });
      expect(none.body, url).toMatchObject({ items: [], total: all.body.total });
      for (const sort of sorts) {
        for (const order of ['asc', 'desc']) {
          const res = await call('GET', `${url}?sort=${sort}&order=${order}`, { token });
          expect(res.status, `${url}?sort=${sort}&order=${order}: ${JSON.stringify(res.body)}`).toBe(200);
          expect(res.body.total, `${url}?sort=${sort}`).toBe(all.body.total);
        }
      }
      const nothing = await call('GET', `${url}?search=${encodeURIComponent('no such thing anywhere')}`, { token });
      expect(nothing.body, url).toMatchObject({ items: [], total: 0 });
    }
  });

  it.each([
    ['limit=0', 'limit', 'limit must be at least 1', 'greater_than_equal'],
    ['limit=101', 'limit', 'limit must be at most 100', 'less_than_equal'],
    ['limit=ten', 'limit', 'limit must be a whole number from 1 to 100', 'int_parsing'],
    ['limit=abc', 'limit', 'limit must be a whole number from 1 to 100', 'int_parsing'],
    ['limit=2.5', 'limit', 'limit must be a whole number from 1 to 100', 'int_parsing'],
    ['offset=-1', 'offset', 'offset must be at least 0', 'greater_than_equal'],
    ['offset=1.5', 'offset', 'offset must be a whole number', 'int_parsing'],
    ['order=sideways', 'order', 'order must be asc or desc', 'enum'],
    ['order=up', 'order', 'order must be asc or desc', 'enum'],
    ['sort=unknown', 'sort', 'sort must be one of ', 'enum'],
    [`search=${'x'.repeat(201)}`, 'search', 'search must be at most 200 characters', 'string_too_long'],
  ])('answers %s with a 422 on that parameter, in words and its type, on every list (never a 500)', async (qs, field, msg, type) => {
    const { call, login } = setup();
    const token = await login('admin');
    for (const { url, sorts } of await lists(call, token)) {
      const res = await call('GET', `${url}?${qs}`, { token });
      expect(res.status, `${url}?${qs}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.detail, url).toHaveLength(1);
      expect(res.body.detail[0].loc, url).toEqual(['query', field]);
      expect(res.body.detail[0].msg, url).toContain(msg);
      // A list of one sort field takes it as a literal.
      expect(res.body.detail[0].type, url).toBe(field === 'sort' && sorts.length === 1 ? 'literal_error' : type);
      // The sort's answer names the fields it takes.
      if (field === 'sort') expect(res.body.detail[0].msg, url).toBe(`sort must be one of ${sorts.join(', ')}`);
    }
  });
});

describe('what each list does with them', () => {
  it('versions: newest first, or as `order` says; by number, an endpoint, status; paged', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const svc = (await call('POST', SERVICES, { token, body: newService() })).body;
    const base = `${SERVICES}/${svc.id}`;
    const publishDraft = async (path: string) => {
      expect((await call('POST', `${base}/endpoints`, { token, body: { method: 'POST', path, summary: `Call ${path}` } })).status).toBe(
        201,
      );
      expect((await call('POST', `${base}/publish`, { token, body: { traffic_percent: 100 } })).status).toBe(200);
    };
    await publishDraft('/invoices');
    expect((await call('POST', `${base}/versions`, { token })).status).toBe(201);
    await publishDraft('/refunds');
    expect((await call('POST', `${base}/versions`, { token })).status).toBe(201);
    const numbers = async (qs = '') => {
      return bodyOf(await call('GET', `${base}/versions${qs}`, { token }), 200, VersionPage).items.map((v) => v.version);
    };
    expect(await numbers()).toEqual([3, 2, 1]);
    expect(await numbers('?order=asc')).toEqual([1, 2, 3]);
    expect(await numbers('?sort=version&order=asc')).toEqual([1, 2, 3]);
    expect(await numbers('?sort=status&order=asc')).toEqual([2, 3, 1]); // active, draft, draining
    expect(await numbers('?sort=published_at')).toEqual([2, 1, 3]); // the draft has none: last
    expect(await numbers('?status=draft')).toEqual([3]);
    expect(await numbers('?search=v2')).toEqual([2]);
    // A draft is found by its endpoints as they are now, a published version by those it froze.
    expect(await numbers('?search=%2Frefunds')).toEqual([3, 2]);
    expect(await numbers('?search=call%20%2Finvoices&order=asc')).toEqual([1, 2, 3]);
    expect((await call('GET', `${base}/versions?limit=1&offset=1`, { token })).body).toMatchObject({
      total: 3,
      limit: 1,
      offset: 1,
      items: [{ version: 2 }],
    });
  });

  it('endpoints: a page of 25 by default, newest first; by path on request; searched', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const svc = (await call('POST', SERVICES, { token, body: newService() })).body;
    const base = `${SERVICES}/${svc.id}/endpoints`;
    for (let i = 1; i <= 30; i++) {
      const res = await call('POST', base, { token, body: { method: 'GET', path: `/items/n${i}`, summary: `Item ${i}` } });
      expect(res.status).toBe(201);
    }
    const first = EndpointPage.parse((await call('GET', base, { token })).body);
    expect(first).toMatchObject({ total: 30, limit: 25, offset: 0 });
    expect(first.items).toHaveLength(25);
    expect(first.items[0]!.path).toBe('/items/n30');
    const byPath = EndpointPage.parse((await call('GET', `${base}?sort=path&order=asc&limit=3`, { token })).body);
    expect(byPath.items.map((e) => e.path)).toEqual(['/items/n1', '/items/n2', '/items/n3']);
    const found = EndpointPage.parse((await call('GET', `${base}?search=item%2029`, { token })).body);
    expect(found.items.map((e) => e.path)).toEqual(['/items/n29']);
  });

  it('rings: promotion order unless sort is given; searched', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const base = `${API}/orgs/${ORG}/workspaces/${WS}/deployments/rings`;
    const names = async (qs = '') => RingPage.parse((await call('GET', `${base}${qs}`, { token })).body).items.map((r) => r.name);
    expect(await names()).toEqual(['dev', 'staging', 'prod']);
    expect(await names('?order=desc')).toEqual(['prod', 'staging', 'dev']);
    expect(await names('?sort=position')).toEqual(['dev', 'staging', 'prod']);
    expect(await names('?sort=name')).toEqual(['staging', 'prod', 'dev']);
    expect(await names('?sort=name&order=asc')).toEqual(['dev', 'prod', 'staging']);
    expect(await names('?search=STAG')).toEqual(['staging']);
    expect(await names('?limit=1&offset=1')).toEqual(['staging']);
  });

  it('connector types: the catalog’s order unless sort is given', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const base = `${API}/orgs/${ORG}/workspaces/${WS}/connectors`;
    const ids = async (qs = '') => ConnectorTypePage.parse((await call('GET', `${base}${qs}`, { token })).body).items.map((t) => t.id);
    const catalog = await ids();
    expect(catalog.length).toBeGreaterThan(1);
    expect(await ids('?order=desc')).toEqual([...catalog].reverse());
    const byName = ConnectorTypePage.parse((await call('GET', `${base}?sort=name`, { token })).body).items.map((t) => t.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(await ids('?search=postgres')).toEqual(['postgresql']);
  });

  it('connector instances: newest first, by name on request, searched, paged', async () => {
    const { call, login, platform } = setup();
    const token = await login('developer');
    const base = `${API}/orgs/${ORG}/workspaces/${WS}/connectors/postgresql/instances`;
    const config = { host: 'db.example.com', port: 5432, database: 'app', user: 'svc', password: 'pw', ssl: true };
    for (const name of ['Zeta replica', 'alpha primary', 'Mid analytics']) {
      platform.clock.advance(1000);
      const res = await call('POST', base, { token, body: { name, description: `${name} database`, config } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const names = async (qs: string) =>
      ConnectorInstancePage.parse((await call('GET', `${base}${qs}`, { token })).body).items.map((i) => i.name);
    expect((await names('?limit=3')).slice(0, 3)).toEqual(['Mid analytics', 'alpha primary', 'Zeta replica']);
    expect(await names('?search=replica')).toEqual(['Zeta replica']);
    expect(await names('?search=DATABASE&sort=name&order=asc')).toEqual(['alpha primary', 'Mid analytics', 'Zeta replica']);
    const page = ConnectorInstancePage.parse(
      (await call('GET', `${base}?search=database&limit=2&offset=2&sort=name&order=asc`, { token })).body,
    );
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.items.map((i) => i.name)).toEqual(['Zeta replica']);
  });

  it('API keys, workspaces, agent deployments: newest first; by name on request; searched', async () => {
    const { call, login, platform } = setup();
    const admin = await login('admin');
    const keys = `${API}/organizations/${ORG}/api-keys`;
    for (const name of ['CI deploys', 'Nightly export']) {
      platform.clock.advance(1000);
      expect((await call('POST', keys, { token: admin, body: { name } })).status).toBe(201);
    }
    const keyNames = async (qs: string) =>
      ApiKeyPage.parse((await call('GET', `${keys}${qs}`, { token: admin })).body).items.map((k) => k.name);
    expect((await keyNames('')).slice(0, 2)).toEqual(['Nightly export', 'CI deploys']);
    expect(await keyNames('?search=nightly')).toEqual(['Nightly export']);
    const all = ApiKeyPage.parse((await call('GET', `${keys}?search=fl_`, { token: admin })).body);
    expect(all.total).toBeGreaterThanOrEqual(2); // the prefix is searched too
    const sorted = await keyNames('?sort=name&order=asc');
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));

    const workspaces = `${API}/organizations/${ORG}/workspaces`;
    const wsNames = async (qs: string) =>
      WorkspacePage.parse((await call('GET', `${workspaces}${qs}`, { token: admin })).body).items.map((w) => w.name);
    expect(await wsNames('?sort=name&order=asc')).toEqual(['Production', 'Research']);
    expect(await wsNames('?search=resea')).toEqual(['Research']);

    const agents = '/v1/agent-deployments';
    const agentNames = async (qs: string) =>
      AgentDeploymentPage.parse((await call('GET', `${agents}${qs}`, { token: admin })).body).items.map((d) => d.name);
    const byName = await agentNames('?sort=name&order=asc');
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    expect(await agentNames('?sort=name&order=desc')).toEqual([...byName].reverse());
    expect(await agentNames('?search=triage')).toEqual(['Support triage']);
  });

  it('minted tokens and revocations: status and search; activity: searched, oldest first on request', async () => {
    const { call, login, platform } = setup();
    const dev = await login('developer');
    const a = await mint(call, dev);
    platform.clock.advance(1000);
    const b = await mint(call, dev);
    const tokens = serviceTokensPath(IDS.services.invoiceExtractor);
    const revoke = await call('POST', `${tokens}/revoke`, { token: dev, body: { jti: a.jti, reason: 'Leaked in a build log' } });
    expect(revoke.status, JSON.stringify(revoke.body)).toBe(201);
    const minted = async (qs: string) =>
      MintedTokenPage.parse((await call('GET', `${tokens}${qs}`, { token: dev })).body).items.map((t) => t.jti);
    expect((await minted('')).slice(0, 2)).toEqual([b.jti, a.jti]);
    expect(await minted(`?status=revoked&search=${a.jti}`)).toEqual([a.jti]);
    expect(await minted(`?status=active&search=${a.jti}`)).toEqual([]);
    const revocations = RevocationPage.parse((await call('GET', `${tokens}/revocations?search=build%20log`, { token: dev })).body);
    expect(revocations.items.map((r) => r.jti)).toEqual([a.jti]);

    const activity = `${SERVICES}/${IDS.services.invoiceExtractor}/activity`;
    const found = ActivityPage.parse((await call('GET', `${activity}?search=${b.jti}`, { token: dev })).body);
    expect(found.items.map((e) => e.kind)).toEqual(['token.minted']);
    const newest = ActivityPage.parse((await call('GET', `${activity}?limit=100`, { token: dev })).body).items.map((e) => e.id);
    const oldest = ActivityPage.parse((await call('GET', `${activity}?limit=100&order=asc`, { token: dev })).body).items.map((e) => e.id);
    expect(oldest).toEqual([...newest].reverse());
  });
});
