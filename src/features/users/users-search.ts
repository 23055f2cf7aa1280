import * as z from 'zod/mini';
import { UserStatus, type UserListQuery } from '@/contract/users';

export const USER_PAGE_SIZES = [10, 25, 50, 100] as const;
export type UserPageSize = (typeof USER_PAGE_SIZES)[number];

/** The orders the list offers, each a platform sort and direction (seed 001's `sort`, `order`). */
export const USER_ORDERS = {
  newest: { label: 'Newest first', sort: 'created_at', order: 'desc' },
  oldest: { label: 'Oldest first', sort: 'created_at', order: 'asc' },
  name: { label: 'Name, A to Z', sort: 'name', order: 'asc' },
  email: { label: 'Email, A to Z', sort: 'email', order: 'asc' },
  role: { label: 'Role, admins first', sort: 'role', order: 'asc' },
} as const satisfies Record<string, { label: string; sort: UserListQuery['sort']; order: UserListQuery['order'] }>;
export type UserOrder = keyof typeof USER_ORDERS;

export const USERS_SEARCH_DEFAULTS = { q: '', status: 'all', by: 'newest', page: 1, size: 25 } as const;

/** Missing or invalid, the value is the default. */
const orDefault = <S extends z.core.SomeType>(schema: S, value: z.core.util.NoUndefined<z.output<S>>) =>
  z.catch(z._default(schema, value), value);

/** The list's state in the URL: every field falls back to its default, so a bad link still opens. */
export const UsersSearch = z.object({
  q: orDefault(z.string().check(z.trim(), z.maxLength(200)), ''),
  status: orDefault(z.union([UserStatus, z.literal('all')]), 'all'),
  by: orDefault(z.enum(Object.keys(USER_ORDERS) as [UserOrder, ...UserOrder[]]), 'newest'),
  page: orDefault(z.int().check(z.minimum(1), z.maximum(100_000)), 1),
  size: orDefault(z.literal(USER_PAGE_SIZES), 25),
});
export type UsersSearch = z.output<typeof UsersSearch>;

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
