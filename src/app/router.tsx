import type { QueryClient } from '@tanstack/react-query';
import { createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { routeTree } from '@/routeTree.gen';
import { PageSpinner } from './page-spinner';

/**
 * The failure page is not on the first load: it loads when a page fails, and at the first input
 * (app.tsx), so that a failure after that — even offline — finds it already here.
 */
export const loadFailurePage = () => import('./failure-page');

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // The query cache is the one source of freshness; the router need not cache loaders too.
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: lazyRouteComponent(loadFailurePage, 'RouteError'),
    defaultNotFoundComponent: lazyRouteComponent(loadFailurePage, 'NotFound'),
    defaultPendingComponent: PageSpinner,
    scrollRestoration: true,
    // Scroll positions are kept in sessionStorage by this key: never the address's query or fragment, which may carry a
    // one-time secret (an invitation's token, a single sign-on code) the page removes once read.
    getScrollRestorationKey: (location) => location.state.__TSR_key ?? location.pathname,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
  interface HistoryState {
    /** Why single sign-on did not finish, said on the sign-in page (history state: never in the address). */
    ssoFailure?: string;
    /** The session could not be refreshed: the sign-in page says why it is shown. */
    sessionEnded?: boolean;
  }
}
