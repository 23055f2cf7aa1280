import type { APIRequestContext } from '@playwright/test';
import { MOCK_URL } from '../playwright.config';
import type { ConnectorInstance } from '../src/contract/connectors';
import type { Ring } from '../src/contract/rings';
import type { HostedService } from '../src/contract/services';
import type { MintResponse } from '../src/contract/tokens';
import { expect, login, ORG_ID, WORKSPACE_ID, type Role } from './fixtures';

const API = `${MOCK_URL}/api/v1`;
const WS_API = `${API}/orgs/${ORG_ID}/workspaces/${WORKSPACE_ID}`;
export const WS_URL = `/orgs/${ORG_ID}/workspaces/${WORKSPACE_ID}`;

/** Rings, connectors, bindings and service tokens through the platform API, to arrange data and check refusals. */
export async function extras(request: APIRequestContext, role: Role = 'admin') {
  const headers = {
    Authorization: `Bearer ${(await login(request, role)).access_token}`,
  };
  return {
    headers,
    rings: async (): Promise<Ring[]> => ((await (await request.get(`${WS_API}/deployments/rings`, { headers })).json()) as { items: Ring[] }).items,
    createRing: async (name: string): Promise<Ring> => {
      const res = await request.post(`${WS_API}/deployments/rings`, {
        headers,
        data: { name, description: `e2e ring ${name}` },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as Ring;
    },
    createService: async (name: string, ringId: string): Promise<HostedService> => {
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const res = await request.post(`${WS_API}/hosted-services`, {
        headers,
        data: { name, slug, execution_mode: 'invocation', ring_id: ringId },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as HostedService;
    },
    createInstance: async (connectorId: string, name: string, config: Record<string, unknown>): Promise<ConnectorInstance> => {
      const res = await request.post(`${WS_API}/connectors/${connectorId}/instances`, { headers, data: { name, config } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as ConnectorInstance;
    },
    putBindings: (serviceId: string, connector_bindings: unknown) =>
      request.put(`${WS_API}/hosted-services/${serviceId}`, {
        headers,
        data: { connector_bindings },
      }),
    service: async (serviceId: string): Promise<HostedService> => (await (await request.get(`${WS_API}/hosted-services/${serviceId}`, { headers })).json()) as HostedService,
    /** The demo seed's Invoice Extractor: active, bound to orders-db and documents-bucket. */
    invoiceExtractor: async (): Promise<HostedService> => {
      const res = await request.get(`${WS_API}/hosted-services`, {
        headers,
        params: { search: 'Invoice Extractor', limit: 100 },
      });
      const found = ((await res.json()) as { items: HostedService[] }).items.find((s) => s.slug === 'invoice-extractor');
      expect(found, 'the demo service invoice-extractor').toBeTruthy();
      return found!;
    },
    mint: async (serviceId: string): Promise<MintResponse> => {
      const res = await request.post(`${WS_API}/hosted-services/${serviceId}/service-tokens/mint`, { headers, data: { claims: {}, ttl_minutes: 5 } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as MintResponse;
    },
    gateway: (serviceId: string, token: string) =>
      request.post(`${API}/orgs/${ORG_ID}/services/${serviceId}/extract`, {
        headers: { Authorization: `Bearer ${token}` },
        data: { document_url: 'https://example.com/invoice.pdf' },
      }),
  };
}

export const POSTGRES_CONFIG = {
  host: 'db.example.com',
  port: 5432,
  database: 'orders',
  user: 'svc',
  password: 's3cret',
  ssl: true,
};
