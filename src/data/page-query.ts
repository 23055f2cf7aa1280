import { keepPreviousData, queryOptions, type QueryKey } from '@tanstack/react-query';

/**
 * The query of one page of a list (its page, search or filters in the query key): the rows on screen stay
 * while the next page, search or filter loads, rather than the table blanking to skeletons.
 */
export const pageQueryOptions = <TPage, const TKey extends QueryKey>(queryKey: TKey, getPage: (signal: AbortSignal) => Promise<TPage>) =>
  queryOptions({ queryKey, queryFn: ({ signal }) => getPage(signal), placeholderData: keepPreviousData });
