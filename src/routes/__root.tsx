import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';

export type RouterContext = { queryClient: QueryClient };

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The label this route adds to the breadcrumbs. */
    crumb?: string;
  }
}
