import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { useDocumentTitle } from '@/app/document-title';
import { useFocusOnNavigation } from '@/app/route-focus';

export type RouterContext = { queryClient: QueryClient };

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Root,
});

/** Every page: its own document title, and focus on its heading after a navigation. */
function Root() {
  useDocumentTitle();
  useFocusOnNavigation();
  return <Outlet />;
}

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The label this route adds to the breadcrumbs (and to the document title). */
    crumb?: string;
    /** This route's word in the document title, when it differs from its crumb or it has none (src/app/document-title.ts). */
    title?: string;
  }
}
