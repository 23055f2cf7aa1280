import { expect, type APIRequestContext } from '@playwright/test';
import type { Endpoint, EndpointCreateInput, ServiceVersion } from '../src/contract/versions';
import { login, platform } from './fixtures';

/** Versions and endpoints through the platform API, to arrange a test's starting point. */
export async function versionsApi(request: APIRequestContext) {
  const base = platform(request, (await login(request, 'developer')).access_token);
  const { headers, servicesUrl } = base.raw;
  return {
    ...base,
    versions: async (serviceId: string): Promise<ServiceVersion[]> =>
      ((await (await request.get(`${servicesUrl}/${serviceId}/versions`, { headers })).json()) as { items: ServiceVersion[] }).items,
    addEndpoint: async (serviceId: string, body: EndpointCreateInput): Promise<Endpoint> => {
      const res = await request.post(`${servicesUrl}/${serviceId}/endpoints`, { headers, data: body });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as Endpoint;
    },
    createVersion: async (serviceId: string): Promise<ServiceVersion> => {
      const res = await request.post(`${servicesUrl}/${serviceId}/versions`, { headers });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as ServiceVersion;
    },
    publish: async (serviceId: string, versionId: string, traffic_percent = 100) =>
      request.post(`${servicesUrl}/${serviceId}/versions/${versionId}/publish`, { headers, data: { traffic_percent } }),
  };
}
