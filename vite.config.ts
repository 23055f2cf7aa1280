import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import { buildReport } from './scripts/build-report.ts';

/**
 * The console calls `/api/v1` on its own origin; the dev server forwards it to
 * API_TARGET — the mock platform by default, the real platform when set
 * (see docs/against-a-real-platform.md). Agent deployments live at seed
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

/** The first load's files (the entry's chunk and what it imports), as the last build named them. */
const firstLoadFiles = new Set<string>();

/**
 * Vite gives every `import()` the list of the chunks it will need, so that the browser fetches them all
 * at once (its preload lists). The entry's lists — one per page, two per route — came to 1.8 KB of the
 * first load. So the entry's `import()`s carry none (`resolveDependencies` below), and each chunk they
 * load names instead everything it needs, down to the last import (Rollup's `hoistTransitiveImports`,
 * which Rolldown does not have yet): the browser asks for all of it as soon as it has read the page's
 * chunk — one round trip after it, rather than one per level of imports — and the router fetches a
 * page's chunk already on intent (a hover, a touch). A chunk's CSS still comes with the `import()`.
 */
function flatImports(): Plugin {
  const hoisted = new Map<string, string[]>();
  return {
    name: 'flat-imports',
    apply: 'build',
    generateBundle: {
      // Before Vite's own generateBundle writes the preload lists, which read `firstLoadFiles`.
      order: 'pre',
      handler(_options, bundle) {
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        // A chunk of nothing but CSS is removed by Vite later (its CSS goes with the import()): never import it.
        const cssOnly = (file: string) => chunks.get(file)?.moduleIds.every((id) => /\.css($|\?)/.test(id)) ?? false;
        const closure = (file: string, into = new Set<string>()): Set<string> => {
          for (const imported of chunks.get(file)?.imports ?? []) if (!into.has(imported)) closure(imported, into.add(imported));
          return into;
        };
        firstLoadFiles.clear();
        hoisted.clear();
        for (const chunk of chunks.values())
          if (chunk.isEntry) for (const file of closure(chunk.fileName, new Set([chunk.fileName]))) firstLoadFiles.add(file);
        const targets = new Set([...firstLoadFiles].flatMap((file) => chunks.get(file)!.dynamicImports));
        for (const target of targets) {
          const chunk = chunks.get(target);
          if (!chunk || firstLoadFiles.has(target)) continue;
          const files = [...closure(target)].filter((f) => !firstLoadFiles.has(f) && !chunk.imports.includes(f) && !cssOnly(f));
          const dir = target.slice(0, target.lastIndexOf('/') + 1);
          const relative = (f: string) => (f.startsWith(dir) ? `./${f.slice(dir.length)}` : f);
          chunk.code = files.map((f) => `import"${relative(f)}";`).join('') + chunk.code;
          hoisted.set(target, files);
        }
      },
    },
    writeBundle(_options, bundle) {
      for (const [target, files] of hoisted)
        for (const file of files) if (!(file in bundle)) this.error(`${target} imports ${file}, which the build did not write`);
    },
  };
}

/**
 * The entry's chunk (the framework, the shell, the services list) is almost all called on load: Chromium's
 * explicit compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136+) has it compiled while it streams in,
 * off the main thread, rather than function by function on the main thread as the page first runs
 * (about 100 ms of a slow phone's main thread before the list's first paint, measured with `npm run size`).
 * Other browsers read a comment.
 */
function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own generateBundle, which puts its preload helper's map at the top: the hint must come first.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId?.endsWith('index.html'))
            chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
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
    flatImports(),
    compileHints(),
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
    // The chunks over Vite's 500 kB are mermaid's (and its cytoscape and katex), loaded only when a diagram is
    // shown. What a first load costs is measured, gzipped and as a browser fetches it, by `npm run size`.
    chunkSizeWarningLimit: 700,
    modulePreload: {
      // Every browser that runs es2022 has modulepreload.
      polyfill: false,
      // See `flatImports`: no preload lists in the first load.
      resolveDependencies: (_file, deps, { hostId }) => (firstLoadFiles.has(hostId) ? [] : deps),
    },
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
