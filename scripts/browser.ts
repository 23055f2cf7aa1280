// Where the end-to-end tests' Chromium is. Shared by scripts/ensure-browser.ts
// (which installs one when there is none) and playwright.config.ts (which drives it).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

// Debian's headless shell first: the same Blink without the full browser's UI, it runs the suite in about a fifth
// less CPU time on two cores (196 stories: 494 s of story time against 598 s). The full browser does as well.
const SYSTEM_PATHS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export type Chromium = { path: string | null; source: 'CHROMIUM_PATH' | 'system' | 'playwright' | 'none' };

/** Playwright's own Chromium, if `playwright install chromium` has put it in place. */
function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * `CHROMIUM_PATH` when set (it must exist), else Debian's chromium-headless-shell or chromium, else
 * Playwright's own. `{ path: null }` means none is installed.
 */
export function findChromium(): Chromium {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) return { path: existsSync(wanted) ? wanted : null, source: 'CHROMIUM_PATH' };
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  const own = playwrightChromium();
  if (own) return { path: own, source: 'playwright' };
  return { path: null, source: 'none' };
}
