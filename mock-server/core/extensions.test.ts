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

  /** The registry with one entry changed. */
  const withEntry = (capability: string, entry: Omit<Extension, 'without'>): Record<string, Extension> => ({
    ...EXTENSIONS,
    [capability]: { without: '…', ...entry },
  });

  it.each([
    ['a route the mock does not serve', `PUT ${SERVICE}/trafic`],
    ['another method than it serves', `POST ${SERVICE}/traffic`],
  ])('refuses %s, naming it', (_, route) => {
    const [method, path] = route.split(' ') as ['PUT' | 'POST', string];
    const typo = withEntry('trafficSplit', { name: 'Changing the traffic split', routes: [{ method, path }] });
    expect(() => checkExtensionRegistry(served(), typo)).toThrow(`trafficSplit: ${route}`);
  });

  it.each([
    ['a query parameter its operation does not take', 'versions', 'state', `?state on GET ${SERVICE}/versions`],
    ['a parameter of an operation the mock does not serve', 'version', 'status', `GET ${SERVICE}/version`],
  ])('refuses %s, naming it', (_, on, name, named) => {
    const typo = withEntry('versionsByStatus', {
      name: 'Listing versions by status',
      params: [{ method: 'GET', path: `${SERVICE}/${on}`, name }],
    });
    expect(() => checkExtensionRegistry(served(), typo)).toThrow(`versionsByStatus: ${named}`);
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
