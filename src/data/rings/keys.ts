import type { Scope } from '@/contract/paths';

/** The workspace's deployment rings. */
export const ringKeys = {
  all: (s: Scope) => ['rings', s.orgId, s.workspaceId] as const,
  /** Every ring, in promotion order (the service forms, the promotion path). */
  list: (s: Scope) => [...ringKeys.all(s), 'list'] as const,
  /** The Rings page's table, a page at a time. */
  pages: (s: Scope) => [...ringKeys.all(s), 'pages'] as const,
  page: (s: Scope, query: RingPageQuery) => [...ringKeys.pages(s), query] as const,
};

/** What the Rings page's table asks for: a page, maybe a search. */
export type RingPageQuery = { limit: number; offset: number; search?: string };
