/**
 * What a production build says about itself, in `dist/.vite/` beside Vite's manifest:
 *
 * - `chunks.json`: each JavaScript file and the source modules in it, with their rendered
 *   (pre-minification) length. `scripts/size.ts` uses it to say what a loaded file holds and to
 *   fail when a heavy library reaches the services list.
 * - `build-env.json`: the VITE_* settings the build was made with. Its time and contents tell
 *   `scripts/ensure-build.ts` whether the build is still current.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const CHUNKS_FILE = '.vite/chunks.json';
export const BUILD_ENV_FILE = '.vite/build-env.json';

/** The build-time settings the console reads (src/lib/env.ts): every VITE_* variable, sorted. */
export const viteEnv = (env: NodeJS.ProcessEnv = process.env): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env)
      .filter((e): e is [string, string] => e[0].startsWith('VITE_') && e[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

export function buildReport(): Plugin {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return {
    name: 'build-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, Record<string, number>> = {};
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks[out.fileName] = Object.fromEntries(
          Object.entries(out.modules).map(([id, m]) => [id.replace(root, '').replace(/\0/g, ''), m.renderedLength]),
        );
      }
      this.emitFile({ type: 'asset', fileName: CHUNKS_FILE, source: JSON.stringify(chunks) });
      this.emitFile({ type: 'asset', fileName: BUILD_ENV_FILE, source: JSON.stringify(viteEnv()) });
    },
  };
}
