import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, Suspense, type ReactElement } from 'react';
import { expect } from 'vitest';

/**
 * A feature rendered as its route would render it (in StrictMode, like the app): with a query client (no
 * retries, so a refusal shows at once) and a router whose location the test
 * can read after the feature navigates.
 */
export async function renderFeature(ui: ReactElement, { path = '/' }: { path?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const rootRoute = createRootRoute({ component: () => <Suspense fallback={<p role="status">Loading…</p>}>{ui}</Suspense> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: [path] }) });
  const user = userEvent.setup();
  await act(() => router.load());
  // In StrictMode, as main.tsx renders the app: effects that run twice there run twice here.
  const view = render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
  return { ...view, user, router, queryClient };
}

type TestRouter = Awaited<ReturnType<typeof renderFeature>>['router'];

/** Follow a link to another page; an unsaved-changes guard may ask first. */
export function leavePage(router: TestRouter): void {
  void router.navigate({ to: '/elsewhere' as '/' });
}

/** Leave, and the console lets it happen without a question. */
export async function leavesWithoutAsking(router: TestRouter): Promise<void> {
  leavePage(router);
  await waitFor(() => expect(router.state.location.pathname).toBe('/elsewhere'));
  expect(screen.queryByRole('alertdialog')).toBeNull();
}

/** Leave, and the console asks first (the navigation waits): the question, to answer. */
export async function leavingAsks(router: TestRouter): Promise<HTMLElement> {
  const from = router.state.location.pathname;
  leavePage(router);
  const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
  expect(router.state.location.pathname).toBe(from);
  return ask;
}

/** Everything the query cache holds, as one text: a secret must not be found in it. */
export const cachedText = (queryClient: QueryClient) =>
  JSON.stringify(
    queryClient
      .getQueryCache()
      .getAll()
      .map((q) => [q.queryKey, q.state.data]),
  );
