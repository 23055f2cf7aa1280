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
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
