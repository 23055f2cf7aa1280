import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/** A service's versions and each version's endpoints, composed on the service's key. */
export const versionKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'versions'] as const,
  /** Every version (read page after page): what the traffic, test, stubs and version pages work from. */
  list: (s: Scope, serviceId: string) => [...versionKeys.all(s, serviceId), 'list'] as const,
  /** The Versions tab's pages, one per search and page. */
  pages: (s: Scope, serviceId: string) => [...versionKeys.all(s, serviceId), 'pages'] as const,
  page: (s: Scope, serviceId: string, query: VersionPageQuery) => [...versionKeys.pages(s, serviceId), query] as const,
  endpoints: (s: Scope, serviceId: string, versionId: string) => [...versionKeys.all(s, serviceId), versionId, 'endpoints'] as const,
};

/** What the Versions tab asks for: a page, maybe a search. */
export type VersionPageQuery = { limit: number; offset: number; search?: string };
