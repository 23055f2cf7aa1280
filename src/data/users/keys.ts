import type { UserListQuery } from '@/contract/users';

/** Query keys of the organization's users (the caller's organization: seed 001's paths name none). */
export const userKeys = {
  all: () => ['users'] as const,
  lists: () => [...userKeys.all(), 'list'] as const,
  list: (query: UserListQuery) => [...userKeys.lists(), query] as const,
  me: () => [...userKeys.all(), 'me'] as const,
  adminCount: () => [...userKeys.all(), 'admin-count'] as const,
};
