import { expect, type APIRequestContext } from '@playwright/test';
import type { Deployment, DeploymentStatus } from '../src/contract/deployments';
import type { HostedService, ServiceCreateInput } from '../src/contract/services';
import { login, ORG_ID, platform, SERVICES_URL, unique, type Role } from './fixtures';

/** Deployments and credentials through the platform API, to arrange a test's starting point. */
export async function deployApi(request: APIRequestContext, role: Role = 'developer') {
  const base = platform(request, (await login(request, role)).access_token);
  const { headers, servicesUrl } = base.raw;
  const svc = (id: string) => `${servicesUrl}/${id}`;
  return {
    ...base,
    /** A persistent service with one published version (v1), ready to deploy. */
    publishedPersistent: async (over: Partial<ServiceCreateInput> = {}): Promise<HostedService> => {
      const service = await base.createService({ name: unique('Deploy Target'), slug: unique('deploy-target'), execution_mode: 'persistent', ...over });
      const ep = await request.post(`${svc(service.id)}/endpoints`, { headers, data: { method: 'POST', path: '/predict', summary: 'Predict' } });
      expect(ep.status(), await ep.text()).toBe(201);
      const versions = (await (await request.get(`${svc(service.id)}/versions`, { headers })).json()) as { items: { id: string }[] };
      const pub = await request.post(`${svc(service.id)}/versions/${versions.items[0]!.id}/publish`, { headers, data: { traffic_percent: 100 } });
      expect(pub.status(), await pub.text()).toBe(200);
      return service;
    },
    update: async (id: string, body: Partial<ServiceCreateInput>) => {
      const res = await request.put(svc(id), { headers, data: body });
      expect(res.status(), await res.text()).toBe(200);
    },
    deploy: (id: string, query = '') => request.post(`${svc(id)}/deploy${query}`, { headers }),
    build: (id: string) => request.post(`${svc(id)}/build`, { headers }),
    status: async (id: string) => (await (await request.get(`${svc(id)}/deployment-status`, { headers })).json()) as DeploymentStatus & { serving_version?: number | null },
    deployments: async (id: string) => ((await (await request.get(`${svc(id)}/deployments`, { headers })).json()) as { items: Deployment[] }).items,
    /** Wait on the platform's clock until the status settles in `state`. */
    settle: async (id: string, state: string) => {
      await expect.poll(async () => (await (await request.get(`${svc(id)}/deployment-status`, { headers })).json() as DeploymentStatus).deployment_state, { timeout: 15_000 }).toBe(state);
    },
    putServiceCredentials: (id: string, data: unknown) => request.put(`${svc(id)}/service-credentials`, { headers, data }),
    putOrgCredentials: (data: unknown) => request.put(`${base.raw.servicesUrl.replace(/\/workspaces\/.*/, '')}/cloud-credentials`, { headers, data }),
    getOrgCredentials: () => request.get(`${base.raw.servicesUrl.replace(/\/workspaces\/.*/, '')}/cloud-credentials`, { headers }),
  };
}

export const serviceTab = (service: { id: string }, tab: string) => `${SERVICES_URL}/${service.id}/${tab}`;
export const ORG_CREDENTIALS_URL = SERVICES_URL.replace(/\/services$/, '/credentials');
export { ORG_ID };

/** A credentials document a provider would hand out, with a marker to look for afterwards. */
export const keyFile = (marker = 'not-a-real-key') =>
  JSON.stringify({ type: 'service_account', project_id: 'e2e', private_key_id: marker, private_key: `-----BEGIN PRIVATE KEY-----\n${marker}\n-----END PRIVATE KEY-----\n` }, null, 2);
