import type { Scope } from '@/contract/paths';

/** The workspace's deployment rings. */
export const ringKeys = {
  all: (s: Scope) => ['rings', s.orgId, s.workspaceId] as const,
  list: (s: Scope) => [...ringKeys.all(s), 'list'] as const,
};
