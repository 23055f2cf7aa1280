import type { UserListQuery } from '@/contract/users';
import type { UserOrder, UsersSearch } from './users-search';

/** What each order is: its label, and the platform's sort and direction (seed 001's `sort`, `order`). */
export const USER_ORDERS = {
  newest: { label: 'Newest first', sort: 'created_at', order: 'desc' },
  oldest: { label: 'Oldest first', sort: 'created_at', order: 'asc' },
  name: { label: 'Name, A to Z', sort: 'name', order: 'asc' },
  email: { label: 'Email, A to Z', sort: 'email', order: 'asc' },
  role: { label: 'Role, admins first', sort: 'role', order: 'asc' },
} as const satisfies Record<UserOrder, { label: string; sort: UserListQuery['sort']; order: UserListQuery['order'] }>;

/** The list's state in the URL as the platform's list parameters. */
export function toUserListQuery(s: UsersSearch): UserListQuery {
  const { sort, order } = USER_ORDERS[s.by];
  return {
    limit: s.size,
    offset: (s.page - 1) * s.size,
    sort,
    order,
    search: s.q || undefined,
    status: s.status === 'all' ? undefined : s.status,
  };
}
