import { paths } from '@/contract/paths';
import { apiBaseUrl } from '@/lib/env';

/** Which version answers a call: the traffic split's pick, or one serving version pinned. */
export type VersionChoice = { kind: 'split' } | { kind: 'pinned'; version: number };

/** The platform's API base as an absolute URL (the console may reach it through a same-origin path). */
export function platformApiBase(origin: string = globalThis.location?.origin ?? 'http://localhost'): string {
  return new URL(apiBaseUrl, `${origin}/`).href.replace(/\/+$/, '');
}

/** `/orgs/{org}/services/{id}/{path}` (or `…/v{N}/{path}`), relative to the API base. */
export function gatewayPath(orgId: string, serviceId: string, path: string, version: VersionChoice): string {
  return version.kind === 'pinned' ? paths.gatewayPinned(orgId, serviceId, version.version, path) : paths.gateway(orgId, serviceId, path);
}

/** The gateway URL a client calls, absolute: by traffic split, or pinned to a version. */
export function gatewayUrl(orgId: string, serviceId: string, path: string, version: VersionChoice, origin?: string): string {
  return `${platformApiBase(origin)}${gatewayPath(orgId, serviceId, path, version)}`;
}
