// Where the end-to-end tests' Chromium is. Shared by scripts/ensure-browser.ts
// (which installs one when there is none) and playwright.config.ts (which drives it).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

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
 * `CHROMIUM_PATH` when set (it must exist), else Debian's chromium, else
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
