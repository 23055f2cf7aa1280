// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { OrganizationPage, WorkspacePage } from '../../src/contract/organizations';
import { RingPage } from '../../src/contract/rings';
import { API, IDS, ORG, WS, setup } from '../core/test-helpers';

describe('organizations, workspaces, rings', () => {
  it('lists the caller’s organization, its workspaces and the rings by position', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const orgs = await call('GET', `${API}/organizations`, { token });
    expect(OrganizationPage.parse(orgs.body)).toMatchObject({ total: 1, items: [{ id: ORG, name: 'Acme Corp' }] });
    const wss = await call('GET', `${API}/organizations/${ORG}/workspaces`, { token });
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
    expect((await call('GET', `${API}/orgs/${ORG}/workspaces/not-a-uuid/hosted-services`, { token })).body).toEqual({ detail: 'Workspace not found' });
  });
});
