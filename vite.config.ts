import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import { buildReport } from './scripts/build-report.ts';

/**
 * The console calls `/api/v1` on its own origin; the dev server forwards it to
 * API_TARGET — the mock platform by default, the real platform when set
 * (see README "Against a real platform"). Agent deployments live at seed
 * 003's own base, `/v1`, which may be another host: `/v1` goes to
 * AGENT_API_TARGET, by default the same as API_TARGET.
 */
const apiTarget = process.env.API_TARGET ?? `http://127.0.0.1:${process.env.MOCK_PORT ?? '4010'}`;
const agentApiTarget = process.env.AGENT_API_TARGET ?? apiTarget;
const proxy = {
  '/api': { target: apiTarget, changeOrigin: true },
  '/v1/': { target: agentApiTarget, changeOrigin: true },
};

/** The services list and its parents: see `splitBehavior` below. */
const FIRST_PAGE_ROUTES = [
  '/_authed',
  '/_authed/orgs/$orgId/workspaces/$workspaceId',
  '/_authed/orgs/$orgId/workspaces/$workspaceId/services',
  '/_authed/orgs/$orgId/workspaces/$workspaceId/services/',
];

/** The requests a cold load sends before the app's code arrives (the file says which). */
const EARLY_REQUESTS = 'src/app/early-requests.ts';

/**
 * Builds src/app/early-requests.ts as an entry of its own and loads it from index.html, `async`: it
 * runs as soon as it arrives, while the app's chunk is still downloading. The build fails
 * if it comes to import anything (it would then wait for what it imports).
 */
function earlyRequests(): Plugin {
  let base = '/';
  const isEarly = (chunk: { type: string; isEntry?: boolean; facadeModuleId?: string | null }) =>
    chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId?.endsWith(EARLY_REQUESTS);
  return {
    name: 'early-requests',
    config: () => ({
      build: {
        rolldownOptions: {
          input: {
            index: fileURLToPath(new URL('./index.html', import.meta.url)),
            'early-requests': fileURLToPath(new URL(`./${EARLY_REQUESTS}`, import.meta.url)),
          },
        },
      },
    }),
    configResolved: (config) => {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find(isEarly);
      if (!chunk || chunk.type !== 'chunk') this.error(`${EARLY_REQUESTS} was not built`);
      else if (chunk.imports.length || chunk.dynamicImports.length)
        this.error(
          `${EARLY_REQUESTS} must import nothing, but its chunk imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}`,
        );
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const chunk = ctx.bundle && Object.values(ctx.bundle).find(isEarly);
        const src = base + (chunk ? chunk.fileName : EARLY_REQUESTS);
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: !!chunk, src }, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    // The router plugin must come before react() (TanStack Router docs).
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      codeSplittingOptions: {
        // The services list, the page most visits open first, and the routes above it are not split: their
        // code comes with the entry (one round trip, preloaded by index.html) and their loaders start the
        // data requests as soon as the entry runs, not after a chunk has been fetched.
        splitBehavior: ({ routeId }) => (FIRST_PAGE_ROUTES.includes(routeId) ? [] : undefined),
        // Elsewhere each page's loader and component (and the contract they parse with) load together,
        // with that page, not with the first one: one chunk and one request per page.
        defaultBehavior: [
          ['loader', 'component'],
          ['errorComponent', 'notFoundComponent', 'pendingComponent'],
        ],
      },
    }),
    react(),
    earlyRequests(),
    // dist/.vite/chunks.json (what each file holds) and build-env.json (for scripts/ensure-build.ts).
    buildReport(),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // @tanstack/react-store asks for the shim that brings useSyncExternalStore to React < 18; React 19 has it.
      'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
    },
  },
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    host: '127.0.0.1',
    proxy,
  },
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    host: '127.0.0.1',
    proxy,
  },
  build: {
    sourcemap: false,
    target: 'es2022',
    // Every browser that runs es2022 has modulepreload.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the entry imports statically (the framework, the shell, the services list) in one file:
        // one request, no chain of round trips, and one gzip stream that compresses better than many.
        // The rest of the app stays in chunks that load with their pages.
        // (Not early-requests.ts: an entry of its own, it must stay apart.)
        codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'], test: (id) => !id.endsWith(EARLY_REQUESTS) }] },
      },
    },
  },
});
