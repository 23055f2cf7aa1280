import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { MOCK_URL } from '../playwright.config';
import type { TokenResponse } from '../src/contract/auth';
import type { HostedService, ServiceCreateInput } from '../src/contract/services';
import type { Ring } from '../src/contract/rings';

export { expect };

export const ORG_ID = '0f6f2d6e-0000-4000-8000-000000000001';
export const WORKSPACE_ID = '0f6f2d6e-0000-4000-8000-000000000011';
export const SERVICES_URL = `/orgs/${ORG_ID}/workspaces/${WORKSPACE_ID}/services`;
const API = `${MOCK_URL}/api/v1`;
const WS_API = `${API}/orgs/${ORG_ID}/workspaces/${WORKSPACE_ID}`;

export type Role = 'admin' | 'developer' | 'viewer';
export const emailOf = (role: Role) => `${role}@example.com`;

/** A unique, slug-safe suffix so parallel tests never see each other's services. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function login(request: APIRequestContext, role: Role): Promise<TokenResponse> {
  const res = await request.post(`${API}/auth/login`, { data: { email: emailOf(role), password: 'password' } });
  expect(res.status()).toBe(200);
  return (await res.json()) as TokenResponse;
}

/** The platform API as a given role, for arranging data and for checking what the server refuses. */
export function platform(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  return {
    rings: async (): Promise<Ring[]> => ((await (await request.get(`${WS_API}/deployments/rings`, { headers })).json()) as { items: Ring[] }).items,
    createService: async (body: ServiceCreateInput): Promise<HostedService> => {
      const res = await request.post(`${WS_API}/hosted-services`, { headers, data: body });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as HostedService;
    },
    listServices: async (query: Record<string, string>) =>
      (await (await request.get(`${WS_API}/hosted-services`, { headers, params: query })).json()) as { items: HostedService[]; total: number },
    raw: { headers, servicesUrl: `${WS_API}/hosted-services` },
  };
}

/** Sign in through the API and hand the session to the page as the console keeps it (sessionStorage). */
export async function signInAs(page: Page, request: APIRequestContext, role: Role) {
  const tokens = await login(request, role);
  await page.addInitScript((t) => {
    if (!sessionStorage.getItem('hs.session')) {
      sessionStorage.setItem('hs.session', JSON.stringify({ accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: Date.now() + t.expires_in * 1000 }));
    }
  }, tokens);
  return tokens;
}

export const test = base.extend<{ asDeveloper: Page; asAdmin: Page; asViewer: Page }>({
  asDeveloper: async ({ page, request }, use) => {
    await signInAs(page, request, 'developer');
    await use(page);
  },
  asAdmin: async ({ page, request }, use) => {
    await signInAs(page, request, 'admin');
    await use(page);
  },
  asViewer: async ({ page, request }, use) => {
    await signInAs(page, request, 'viewer');
    await use(page);
  },
});
