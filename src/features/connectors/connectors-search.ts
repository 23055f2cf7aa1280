import * as z from 'zod/mini';
import { orDefault, Page, PageSize, SearchText, type ListSearch } from '@/lib/list-search';

/**
 * The Connectors page's state in the URL: one search over every type's
 * instances, one page size, and each type's page (by connector id; a type not
 * named is on its first page). Every field falls back to its default.
 */
export const ConnectorsSearch = z.object({
  q: SearchText,
  size: PageSize,
  pages: orDefault(z.record(z.string().check(z.maxLength(100)), Page), {}),
});
export type ConnectorsSearch = z.output<typeof ConnectorsSearch>;

export const CONNECTORS_SEARCH_DEFAULTS: ConnectorsSearch = { q: '', size: 25, pages: {} };

/** One type's list as a paged list sees it. */
export const typeSearch = (s: ConnectorsSearch, connectorId: string): ListSearch => ({
  q: s.q,
  size: s.size,
  page: s.pages[connectorId] ?? 1,
});

/** A change to one type's list, as a change to the page's: a new search or page size starts every list again. */
export function changeTypeSearch(s: ConnectorsSearch, connectorId: string, next: Partial<ListSearch>): Partial<ConnectorsSearch> {
  if ((next.q !== undefined && next.q !== s.q) || (next.size !== undefined && next.size !== s.size))
    return { q: next.q ?? s.q, size: next.size ?? s.size, pages: {} };
  if (next.page === undefined) return {};
  const { [connectorId]: _current, ...others } = s.pages;
  return { pages: next.page === 1 ? others : { ...others, [connectorId]: next.page } };
}
