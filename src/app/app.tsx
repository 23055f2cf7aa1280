import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense, useEffect } from 'react';
import { setUnauthenticatedHandler } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { useFirstInput } from './first-input';
import { createAppRouter, loadFailurePage } from './router';
import { useTheme } from './theme';

// Toasts only follow actions, so their renderer need not be on the first load: it loads at the first
// input (a pointer, a key, a field changed), with the failure page. A toast raised before it mounts is not
// lost: sonner replays the active ones.
const Toaster = lazy(() => import('sonner').then((m) => ({ default: m.Toaster })));

/** The page's query cache and router, made once (main.tsx). */
export function createApp() {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  // A refresh that fails ends the session: go to sign-in and come back here afterwards.
  setUnauthenticatedHandler(() => {
    queryClient.clear();
    const here = router.state.location.href;
    if (router.state.location.pathname !== '/login') {
      void router.navigate({ to: '/login', search: { redirect: here }, state: { sessionEnded: true } });
    }
  });
  return { queryClient, router };
}

export function App({ queryClient, router }: ReturnType<typeof createApp>) {
  const { theme } = useTheme();
  const showToaster = useFirstInput();
  useEffect(() => {
    if (showToaster) void loadFailurePage();
  }, [showToaster]);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      {showToaster && (
        <Suspense fallback={null}>
          <Toaster theme={theme} position="bottom-right" closeButton />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
