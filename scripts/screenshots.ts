/**
 * Screenshots of every page at phone and desktop widths, light and dark, for a
 * person to look at (the issue asks for it before calling a layout done), and
 * each page's width at 390 px (anything wider than the viewport scrolls sideways).
 *
 *   npm start                                   # or any console with the demo seed
 *   npx tsx scripts/screenshots.ts [base-url]   # → .screenshots/<page>-<width>-<theme>.png
 *
 * SHOTS_WIDTHS=390,1280, SHOTS_THEMES=light,dark and SHOTS_ONLY=<page name part> narrow it down;
 * SHOTS_FULL=0 takes the viewport only.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findPages, SIGN_IN_PAGE } from '../e2e/support/pages';
import { IDS } from '../mock-server/core/seed-ids';
import { findChromium } from './browser';

const base = process.argv[2] ?? 'http://127.0.0.1:5173';
const out = '.screenshots';
const widths = (process.env.SHOTS_WIDTHS ?? '390,1280').split(',').map(Number);
const themes = (process.env.SHOTS_THEMES ?? 'light,dark').split(',');
const only = process.env.SHOTS_ONLY;
const fullPage = process.env.SHOTS_FULL !== '0';

type Tokens = { access_token: string; refresh_token: string | null; expires_in: number };

async function main() {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'password' }),
  });
  if (!login.ok) throw new Error(`Could not sign in at ${base}: ${login.status}`);
  const tokens = (await login.json()) as Tokens;
  const versionsOf = async (serviceId: string) => {
    const res = await fetch(`${base}/api/v1/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services/${serviceId}/versions`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    const body = (await res.json()) as { items: { id: string; version: number; status: string }[] };
    return body.items;
  };
  const pages = [SIGN_IN_PAGE, ...(await findPages(versionsOf))].filter((p) => !only || p.name.includes(only));

  mkdirSync(out, { recursive: true });
  const found = findChromium();
  const browser = await chromium.launch({
    executablePath: found.source === 'playwright' ? undefined : (found.path ?? undefined),
    args: ['--no-sandbox'],
  });
  const wide: string[] = [];
  for (const width of widths) {
    for (const theme of themes) {
      const context = await browser.newContext({
        viewport: { width, height: width < 600 ? 844 : 900 },
        colorScheme: theme as 'light' | 'dark',
      });
      await context.addInitScript(
        ([t, theme]) => {
          localStorage.setItem('hs.theme', theme);
          if (location.pathname !== '/login' && !sessionStorage.getItem('hs.session')) {
            sessionStorage.setItem(
              'hs.session',
              JSON.stringify({ accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: Date.now() + t.expires_in * 1000 }),
            );
          }
        },
        [tokens, theme] as const,
      );
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(base + p.url);
        await page
          .getByRole('heading', { level: 1 })
          .first()
          .waitFor({ timeout: 10_000 })
          .catch(() => {});
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > clientWidth) wide.push(`${p.name} at ${width} (${theme}): ${scrollWidth} px wide`);
        await page.screenshot({ path: `${out}/${p.name}-${width}-${theme}.png`, fullPage });
        console.log(`${p.name}-${width}-${theme}: ${scrollWidth}/${clientWidth} px, title "${await page.title()}"`);
      }
      await context.close();
    }
  }
  await browser.close();
  console.log(wide.length ? `\nWider than the viewport:\n  ${wide.join('\n  ')}` : '\nNo page is wider than its viewport.');
}

await main();
