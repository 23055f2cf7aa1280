import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Scope } from '@/contract/paths';

/**
 * Routes hand features what the URL says, as typed props: a route file reads
 * `Route.useParams()` / `Route.useSearch()` and renders its feature with them,
 * so features never read the router themselves.
 */
export type WorkspaceProps = { scope: Scope };
export type ServiceProps = { scope: Scope; serviceId: string };

export const workspaceProps = ({ orgId, workspaceId }: Scope): WorkspaceProps => ({ scope: { orgId, workspaceId } });

export const serviceProps = ({ orgId, workspaceId, serviceId }: Scope & { serviceId: string }): ServiceProps => ({
  scope: { orgId, workspaceId },
  serviceId,
});

/**
 * One loader per resource: a child route that needs what its parent route
 * loads waits for the parent's loader, then reads the query cache, rather
 * than loading the resource a second time.
 */
export async function loadedByParent<TKey extends QueryKey>(parentMatch: Promise<unknown>, queryClient: QueryClient, queryKey: TKey) {
  await parentMatch;
  return queryClient.getQueryData(queryKey);
}

/** An index route's match ends with a slash that its address may not have. */
const withoutTrailingSlash = (pathname: string) => pathname.replace(/\/+$/, '');

/** A list's or a tab's state in the URL, as props: what the search says, and a change (which replaces the history entry). */
export type SearchProps<TSearch> = { search: TSearch; onSearchChange: (next: Partial<TSearch>) => void };

/** What useSearchProps asks of a route: its hooks, and its types (the search its schema validates to). */
export type SearchRoute = {
  types: { fullSearchSchema: object };
  useSearch: () => unknown;
  useNavigate: () => unknown;
  useMatch: () => { pathname: string };
};
type SearchOf<TRoute extends SearchRoute> = TRoute['types']['fullSearchSchema'];

/**
 * SearchProps from a route's own hooks, for its component: a change merges
 * into the search and replaces the history entry (typing in a filter does not
 * stack up Back presses). The route's search schema still checks every value.
 * A change that comes once the user has gone elsewhere is dropped: a search
 * box writes its text a moment after the typing stops, and a result clicked
 * in that moment must not be taken back to the list.
 */
export function useSearchProps<TRoute extends SearchRoute>(
  route: TRoute,
  { resetScroll }: { resetScroll?: boolean } = {},
): SearchProps<SearchOf<TRoute>> {
  type TSearch = SearchOf<TRoute>;
  // The route's navigate, seen through what this helper asks of it.
  const navigate = route.useNavigate() as (options: {
    search: (prev: TSearch) => TSearch;
    replace: boolean;
    resetScroll?: boolean;
  }) => Promise<void>;
  const router = useRouter();
  const here = withoutTrailingSlash(route.useMatch().pathname);
  return {
    search: route.useSearch() as TSearch,
    onSearchChange: (next) => {
      // The address the history is at now: a link clicked a moment ago has moved it, though its page may still be loading.
      if (withoutTrailingSlash(router.latestLocation.pathname) !== here) return;
      void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true, resetScroll });
    },
  };
}
