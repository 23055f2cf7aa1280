import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
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

export default defineConfig({
  plugins: [
    // The router plugin must come before react() (TanStack Router docs).
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      // Loaders are split too: each tab's loader (and the contract it parses with)
      // loads with that tab, not with the first page.
      codeSplittingOptions: {
        defaultBehavior: [['loader'], ['component'], ['errorComponent', 'notFoundComponent', 'pendingComponent']],
      },
    }),
    react(),
    // dist/.vite/chunks.json (what each file holds) and build-env.json (for scripts/ensure-build.ts).
    buildReport(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
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
    rolldownOptions: {
      output: {
        // The framework every page needs, in one file: one gzip stream compresses it better than a dozen small ones.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store|@tanstack[\\/](react-router|router-core|history|react-store|store|react-query|query-core))[\\/]/,
            },
          ],
        },
      },
    },
  },
});
