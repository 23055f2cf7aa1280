/**
 * One production build for the size budget and the end-to-end run: builds `dist/` only when it is
 * missing, older than any of the console's sources, or made with other VITE_* settings. So
 * `npm test` builds once (in `npm run size`) and Playwright previews that same build, while
 * `npm run test:e2e` alone — on a fresh clone, or after an edit — still builds first.
 *
 *   npx tsx scripts/ensure-build.ts            # build if stale
 *   npx tsx scripts/ensure-build.ts --force    # build anyway (npm run build)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_ENV_FILE, viteEnv } from './build-report';

const OUT = 'dist';
/** Whatever the build reads: a change to any of these makes `dist/` stale. */
const INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'scripts/build-report.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
/** Written by every build (scripts/build-report.ts): its time is the build's. */
const STAMP = join(OUT, BUILD_ENV_FILE);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why `dist/` must be built again, or null when it is current. */
function staleBecause(): string | null {
  if (!existsSync(join(OUT, 'index.html')) || !existsSync(STAMP)) return `no build in ${OUT}/`;
  const built = statSync(STAMP).mtimeMs;
  const changed = INPUTS.find((input) => newestMtime(input) > built);
  if (changed) return `${changed} changed since the last build`;
  if (readFileSync(STAMP, 'utf8') !== JSON.stringify(viteEnv())) return 'it was built with other VITE_* settings';
  return null;
}

/** Build `dist/` when it is stale (or when `force`d); the e2e global setup calls this before any worker starts. */
export function ensureBuild(force = false): void {
  const reason = force ? 'asked to' : staleBecause();
  if (reason) {
    console.log(`Building ${OUT}/ (${reason})`);
    execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir'], { stdio: 'inherit' });
  } else console.log(`${OUT}/ is current: not building again`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) ensureBuild(process.argv.includes('--force'));
