// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Organization, OrganizationPage, Workspace, WorkspacePage } from '../../src/contract/organizations';
import { RingPage } from '../../src/contract/rings';
import { API, bodyOf, IDS, ORG, setup, WS } from '../test-helpers';

describe('organizations, workspaces, rings', () => {
  it('lists the caller’s organization, its workspaces and the rings by position', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const orgs = await call('GET', `${API}/organizations`, { token });
    expect(OrganizationPage.parse(orgs.body)).toMatchObject({ total: 1, items: [{ id: ORG, name: 'Acme Corp' }] });
    const wss = await call('GET', `${API}/organizations/${ORG}/workspaces?sort=name&order=asc`, { token });
    expect(WorkspacePage.parse(wss.body).items.map((w) => [w.id, w.name])).toEqual([
      [IDS.production, 'Production'],
      [IDS.research, 'Research'],
    ]);
    const rings = await call('GET', `${API}/orgs/${ORG}/workspaces/${WS}/deployments/rings`, { token });
    const page = RingPage.parse(rings.body);
    expect(page.items.map((r) => [r.name, r.position])).toEqual([
      ['dev', 0],
      ['staging', 1],
      ['prod', 2],
    ]);
    expect(page.items.every((r) => r.description)).toBe(true);
  });

  it('unknown workspace → 404 Workspace not found', async () => {
    const { call, login } = setup();
    const token = await login();
    const res = await call('GET', `${API}/orgs/${ORG}/workspaces/0f6f2d6e-0000-4000-8000-000000000099/deployments/rings`, { token });
    expect(res).toMatchObject({ status: 404, body: { detail: 'Workspace not found' } });
    expect((await call('GET', `${API}/orgs/${ORG}/workspaces/not-a-uuid/hosted-services`, { token })).body).toEqual({
      detail: 'Workspace not found',
    });
  });

  it('reads the organization; admins rename it (its slug stays), others may not', async () => {
    const { call, login } = setup();
    const org = `${API}/organizations/${ORG}`;
    expect(Organization.parse((await call('GET', org, { token: await login('viewer') })).body)).toMatchObject({
      name: 'Acme Corp',
      slug: 'acme-corp',
    });
    for (const role of ['developer', 'viewer'] as const) {
      expect(await call('PUT', org, { token: await login(role), body: { name: 'Mine now' } })).toMatchObject({
        status: 403,
        body: { detail: `Your role (${role}) cannot change the organization’s settings` },
      });
    }
    const admin = await login('admin');
    const renamed = await call('PUT', org, { token: admin, body: { name: '  Acme Industries  ' } });
    expect(renamed.status).toBe(200);
    expect(Organization.parse(renamed.body)).toMatchObject({ id: ORG, name: 'Acme Industries', slug: 'acme-corp' });
    expect(OrganizationPage.parse((await call('GET', `${API}/organizations`, { token: admin })).body).items[0]!.name).toBe(
      'Acme Industries',
    );
    expect((await call('PUT', org, { token: admin, body: { name: '' } })).body.detail[0]).toMatchObject({
      loc: ['body', 'name'],
      msg: 'Name is required',
    });
    expect((await call('PUT', org, { token: admin, body: { name: 'A', slug: 'a' } })).body.detail[0]).toMatchObject({
      loc: ['body', 'slug'],
      type: 'extra_forbidden',
    });
    expect((await call('GET', `${API}/organizations/0f6f2d6e-0000-4000-8000-000000000099`, { token: admin })).body).toEqual({
      detail: 'Organization not found',
    });
  });

  it('admins create workspaces: a slug from the name, unique names, Idempotency-Key honoured', async () => {
    const { call, login } = setup();
    const workspaces = `${API}/organizations/${ORG}/workspaces`;
    expect((await call('POST', workspaces, { token: await login('developer'), body: { name: 'Staging' } })).status).toBe(403);
    const admin = await login('admin');
    const created = await call('POST', workspaces, {
      token: admin,
      body: { name: 'Data Science' },
      headers: { 'Idempotency-Key': 'ws-1' },
    });
    const ws = bodyOf(created, 201, Workspace);
    expect(ws).toMatchObject({ org_id: ORG, name: 'Data Science', slug: 'data-science' });
    const replay = await call('POST', workspaces, { token: admin, body: { name: 'Data Science' }, headers: { 'Idempotency-Key': 'ws-1' } });
    expect(replay.body.id).toBe(ws.id);
    expect(await call('POST', workspaces, { token: admin, body: { name: 'data science' } })).toMatchObject({
      status: 409,
      body: { detail: [{ loc: ['body', 'name'], msg: "A workspace named 'Data Science' already exists in this organization" }] },
    });
    // Another name with the same slug gets the next free one.
    expect((await call('POST', workspaces, { token: admin, body: { name: 'Data-Science!' } })).body.slug).toBe('data-science-2');
    const viewer = await login('viewer');
    const newest = WorkspacePage.parse((await call('GET', workspaces, { token: viewer })).body);
    expect(newest.items.slice(0, 2).map((w) => w.name)).toEqual(['Data-Science!', 'Data Science']);
    const byName = WorkspacePage.parse((await call('GET', `${workspaces}?sort=name&order=asc`, { token: viewer })).body);
    expect(byName.items.map((w) => w.name)).toEqual(['Data Science', 'Data-Science!', 'Production', 'Research']);
    // It is a workspace like the others: its (empty) services list answers.
    expect((await call('GET', `${API}/orgs/${ORG}/workspaces/${ws.id}/hosted-services`, { token: admin })).body).toMatchObject({
      total: 0,
    });
  });
});
