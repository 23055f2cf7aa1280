// @vitest-environment node
/** The mock reads its extensions from the contract's registry (extensions.ts), and a registry naming what the mock lacks is refused. */
import { describe, expect, it } from 'vitest';
import { EXTENSIONS, type Extension } from '../../src/contract/extensions';
import { setup } from '../test-helpers';
import { checkExtensionRegistry } from './extensions';

const SERVICE = '/api/v1/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id';
const served = () => setup({ testRoutes: true }).platform.routes;

describe('the extension registry, as the mock reads it', () => {
  it('names only operations and query parameters the mock serves', () => {
    expect(() => checkExtensionRegistry(served())).not.toThrow();
  });

  it('refuses a route the mock does not serve, naming it', () => {
    const typo: Record<string, Extension> = {
      ...EXTENSIONS,
      trafficSplit: { name: 'Changing the traffic split', without: '…', routes: [{ method: 'PUT', path: `${SERVICE}/trafic` }] },
    };
    expect(() => checkExtensionRegistry(served(), typo)).toThrow(`trafficSplit: PUT ${SERVICE}/trafic`);
    const method: Record<string, Extension> = {
      ...EXTENSIONS,
      trafficSplit: { name: 'Changing the traffic split', without: '…', routes: [{ method: 'POST', path: `${SERVICE}/traffic` }] },
    };
    expect(() => checkExtensionRegistry(served(), method)).toThrow(`trafficSplit: POST ${SERVICE}/traffic`);
  });

  it('refuses a query parameter its operation does not take, or on an operation the mock does not serve', () => {
    const param: Record<string, Extension> = {
      ...EXTENSIONS,
      versionsByStatus: {
        name: 'Listing versions by status',
        without: '…',
        params: [{ method: 'GET', path: `${SERVICE}/versions`, name: 'state' }],
      },
    };
    expect(() => checkExtensionRegistry(served(), param)).toThrow(`versionsByStatus: ?state on GET ${SERVICE}/versions`);
    const path: Record<string, Extension> = {
      ...EXTENSIONS,
      versionsByStatus: {
        name: 'Listing versions by status',
        without: '…',
        params: [{ method: 'GET', path: `${SERVICE}/version`, name: 'status' }],
      },
    };
    expect(() => checkExtensionRegistry(served(), path)).toThrow(`versionsByStatus: GET ${SERVICE}/version`);
  });

  it('marks an operation an extension by its method and path in the registry, or as test support', () => {
    const { routes } = setup({ testRoutes: true }).platform;
    const marked = (method: string, path: string) => routes.find((r) => r.method === method && `${r.base}${r.path}` === path)?.extension;
    expect(marked('put', `${SERVICE}/traffic`)).toBe(true);
    // a documented operation, with a parameter that is ours
    expect(marked('get', `${SERVICE}/versions`)).toBe(false);
    // a documented entry of the registry (the jobs API, seed 001) is not ours
    expect(marked('get', `${SERVICE}/jobs/:job_id`)).toBe(false);
    expect(marked('post', '/api/v1/__test__/reset')).toBe(true);
    expect(routes.find((r) => r.operationId === 'listVersions')?.extensionParams).toEqual(new Set(['status']));
    expect(routes.find((r) => r.operationId === 'listHostedServices')?.extensionParams).toEqual(new Set(['execution_mode']));
  });
});
