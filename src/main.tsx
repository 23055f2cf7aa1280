import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createApp } from '@/app/app';
import './styles.css';

const app = createApp();
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App {...app} />
    </StrictMode>,
  );

// The first page's loaders, and the reads they started (which take the answers index.html asked for
// early, src/app/early-requests.ts), before the first render: React then draws the page once, with its
// data, rather than a frame without it and the page after. No longer than the router waits before it
// shows a page as pending.
const { router, queryClient } = app;
const readsSettled = () =>
  new Promise<void>((resolve) => {
    if (!queryClient.isFetching()) return resolve();
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching()) return;
      stop();
      resolve();
    });
  });
const pendingMs = router.options.defaultPendingMs ?? 1000;
void Promise.race([router.load().then(readsSettled), new Promise((resolve) => setTimeout(resolve, pendingMs))])
  .catch(() => undefined)
  .then(render);
