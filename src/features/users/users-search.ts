import * as z from 'zod/mini';
import type { UserStatus } from '@/contract/users';

export const USER_PAGE_SIZES = [10, 25, 50, 100] as const;

/** The orders the list offers (`users-query.ts` says what each is). */
export const USER_ORDER_NAMES = ['newest', 'oldest', 'name', 'email', 'role'] as const;
export type UserOrder = (typeof USER_ORDER_NAMES)[number];

export const USERS_SEARCH_DEFAULTS = { q: '', status: 'all', by: 'newest', page: 1, size: 25 } as const;

/** Missing or invalid, the value is the default. */
const orDefault = <S extends z.core.SomeType>(schema: S, value: z.core.util.NoUndefined<z.output<S>>) =>
  z.catch(z._default(schema, value), value);

/**
 * The status filter's values, written out rather than built from the contract's
 * enum: the route checks its search with this module as it loads, and the
 * contract's users schemas need not load with every page.
 */
const STATUS_FILTERS = ['all', 'active', 'invited'] as const satisfies readonly ('all' | UserStatus)[];

/** The list's state in the URL: every field falls back to its default, so a bad link still opens. */
export const UsersSearch = z.object({
  q: orDefault(z.string().check(z.trim(), z.maxLength(200)), ''),
  status: orDefault(z.enum(STATUS_FILTERS), 'all'),
  by: orDefault(z.enum(USER_ORDER_NAMES), 'newest'),
  page: orDefault(z.int().check(z.minimum(1), z.maximum(100_000)), 1),
  size: orDefault(z.literal(USER_PAGE_SIZES), 25),
});
export type UsersSearch = z.output<typeof UsersSearch>;
