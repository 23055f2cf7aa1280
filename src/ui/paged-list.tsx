import type { ReactNode } from 'react';
import { LIST_PAGE_SIZES, type ListPageSize, type ListSearch } from '@/lib/list-search';
import { Button } from './button';
import { Pagination } from './pagination';
import { ListSearchBox } from './search-box';
import { Skeleton } from './skeleton';
import { EmptyState, ErrorState, RetryAlert } from './states';

/** What a page read gives (the contract's `PageRead`, as far as the list's frame needs it). */
type PageLike = { items: readonly unknown[]; invalid: readonly unknown[]; total: number; paged: boolean };

/** The read of one page (a react-query result, as far as the frame needs it). */
type PageQuery<P extends PageLike> = {
  data: P | undefined;
  error: Error | null;
  isError: boolean;
  isFetching: boolean;
  refetch: () => unknown;
};

type PagedListProps<P extends PageLike> = {
  query: PageQuery<P>;
  search: ListSearch;
  onSearchChange: (next: Partial<ListSearch>) => void;
  /** The rows, in the plural, for the states' words: "versions". */
  noun: string;
  /** Shown when there are no rows at all (no search). */
  empty: ReactNode;
  children: (page: P) => ReactNode;
};

/**
 * The frame of a list the platform pages and searches (`lib/list-search.ts`):
 * its loading, failed, empty, nothing-matches and empty-page states, the rows
 * (`children`), and paging under them. A platform that answers with a bare
 * array gives everything at once: its rows are shown without paging controls.
 * The paging landmark is named after the rows ("Versions pages"), so that a
 * page with more than one list tells them apart.
 */
export function PagedList<P extends PageLike>({ query, search, onSearchChange, noun, empty, children }: PagedListProps<P>) {
  const { data } = query;
  if (!data) {
    if (query.isError) {
      return <ErrorState title={`The ${noun} could not be loaded`} error={query.error} onRetry={() => void query.refetch()} />;
    }
    return <Skeleton height="4rem" />;
  }
  if (data.items.length === 0 && data.invalid.length === 0) {
    if (search.q) {
      return (
        <EmptyState
          title={`No ${noun} match “${search.q}”`}
          action={<Button onClick={() => onSearchChange({ q: '', page: 1 })}>Clear the search</Button>}
        >
          <p>Try other words, or clear the search to see them all.</p>
        </EmptyState>
      );
    }
    if (search.page > 1 && data.paged) {
      return (
        <EmptyState title="This page is empty" action={<Button onClick={() => onSearchChange({ page: 1 })}>Go to the first page</Button>} />
      );
    }
    return empty;
  }
  return (
    <>
      <div aria-busy={query.isFetching || undefined}>{children(data)}</div>
      {data.paged && (
        <Pagination<ListPageSize>
          total={data.total}
          page={search.page}
          size={search.size}
          sizes={LIST_PAGE_SIZES}
          label={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} pages`}
          onChange={(page, size) => onSearchChange({ page, size })}
        />
      )}
      {query.isError && <RetryAlert what={`Could not refresh the ${noun}`} error={query.error} onRetry={() => void query.refetch()} />}
    </>
  );
}

/** A list page's paged list under its search box ("Search versions"): the `q` it searches is the list's own. */
export function SearchedPagedList<P extends PageLike>({ placeholder, ...list }: PagedListProps<P> & { placeholder: string }) {
  return (
    <>
      <div className="toolbar" role="search">
        <ListSearchBox label={`Search ${list.noun}`} placeholder={placeholder} search={list.search} onSearchChange={list.onSearchChange} />
      </div>
      <PagedList {...list} />
    </>
  );
}
