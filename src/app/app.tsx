import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { setUnauthenticatedHandler } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { createAppRouter } from './router';
import { useTheme } from './theme';

// Toasts only follow actions, so their renderer need not be on the first load.
const Toaster = lazy(() => import('sonner').then((m) => ({ default: m.Toaster })));

export function App() {
  const [{ queryClient, router }] = useState(() => {
    const queryClient = createQueryClient();
    const router = createAppRouter(queryClient);
    // A refresh that fails ends the session: go to sign-in and come back here afterwards.
    setUnauthenticatedHandler(() => {
      queryClient.clear();
      const here = router.state.location.href;
      if (router.state.location.pathname !== '/login') {
        void router.navigate({ to: '/login', search: { redirect: here } });
      }
    });
    return { queryClient, router };
  });
  const { theme } = useTheme();
  const [showToaster, setShowToaster] = useState(false);
  useEffect(() => setShowToaster(true), []);
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
