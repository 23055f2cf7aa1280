import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * A row a write answered with, put in its place in a cached page (`{ items }`,
 * by `id`), so the page shows it without reading the list again. False when
 * the page is not cached or does not hold the row: the caller then invalidates.
 */
export function replaceRow<T extends { id: string }>(queryClient: QueryClient, queryKey: QueryKey, row: T): boolean {
  let replaced = false;
  queryClient.setQueryData<{ items: T[] }>(queryKey, (page) => {
    if (!page?.items.some((r) => r.id === row.id)) return page;
    replaced = true;
    return { ...page, items: page.items.map((r) => (r.id === row.id ? row : r)) };
  });
  return replaced;
}
