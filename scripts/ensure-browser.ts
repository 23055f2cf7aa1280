// Runs before the end-to-end tests: makes sure a Chromium is there, installing
// one if it can, so that `npm install && npm test` is enough on a fresh machine.
//   1. CHROMIUM_PATH, Debian's chromium-headless-shell or chromium, or Playwright's own: nothing to do.
//   2. As root with apt-get: Debian's chromium-headless-shell (and a font for its text).
//   3. Else Playwright's own download (works where its CDN is reachable).
//   4. Else one line saying exactly what to install.
import { spawnSync } from 'node:child_process';
import { findChromium } from './browser';

const found = findChromium();
if (found.source === 'CHROMIUM_PATH' && !found.path) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  process.exit(1);
}
if (found.path) process.exit(0);

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (isRoot && has('apt-get')) {
  console.log("No Chromium found: installing Debian's chromium-headless-shell with apt-get…");
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update', '-qq'], env) &&
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium-headless-shell', 'fonts-liberation'], env) &&
    findChromium().path
  ) {
    process.exit(0);
  }
}

console.log('No Chromium found: trying `playwright install chromium`…');
if (run('npx', ['--no-install', 'playwright', 'install', 'chromium']) && findChromium().path) process.exit(0);

console.error(
  'The end-to-end tests need Chromium: install it (`sudo apt-get install chromium-headless-shell` (or `chromium`) on Debian/Ubuntu, or `npx playwright install chromium`), or set CHROMIUM_PATH to a Chromium binary.',
);
process.exit(1);
