/**
 * A paged, searched list's state in the URL (the Versions tab, the connector
 * instances, the API keys, the rings): `q`, `page` (from 1) and `size`. Every
 * field falls back to its default, so a bad link still opens. Kept apart from
 * the contract's schemas: a route checks its search with this as it loads.
 */
import * as z from 'zod/mini';

export const LIST_PAGE_SIZES = [10, 25, 50, 100] as const;
export type ListPageSize = (typeof LIST_PAGE_SIZES)[number];

export const LIST_SEARCH_DEFAULTS = { q: '', page: 1, size: 25 } as const;

/** Missing or invalid, the value is the default. */
export const orDefault = <S extends z.core.SomeType>(schema: S, value: z.core.util.NoUndefined<z.output<S>>) =>
  z.catch(z._default(schema, value), value);

export const Page = orDefault(z.int().check(z.minimum(1), z.maximum(100_000)), 1);
export const PageSize = orDefault(z.literal(LIST_PAGE_SIZES), 25);
export const SearchText = orDefault(z.string().check(z.trim(), z.maxLength(200)), '');

export const ListSearch = z.object({ q: SearchText, page: Page, size: PageSize });
export type ListSearch = z.output<typeof ListSearch>;

/** The URL's page as the list parameters (seed 001): `limit`, `offset`, `search`. */
export function toPageQuery(s: { q: string; page: number; size: number }): { limit: number; offset: number; search?: string } {
  return { limit: s.size, offset: (s.page - 1) * s.size, ...(s.q ? { search: s.q } : {}) };
}
