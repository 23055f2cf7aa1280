import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tanstackRouter } from '@tanstack/router-plugin/vite';

/**
 * The console calls `/api/v1` on its own origin; the dev server forwards it to
 * API_TARGET — the mock platform by default, the real platform when set
 * (see README "Against the real platform").
 */
const apiTarget = process.env.API_TARGET ?? `http://127.0.0.1:${process.env.MOCK_PORT ?? '4010'}`;

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
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  // The manifest lets scripts/size.mjs walk exactly what the services list loads.
  build: { sourcemap: false, target: 'es2022', manifest: true },
});
