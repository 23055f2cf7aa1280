/** Where a secret must never turn up in a story: the page, its storage and URL, its console, what the platform answers, the mock's state on disk. */
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** What the page logs and what the platform answers it, from now on (bodies read as they arrive). */
export function watchPage(page: Page) {
  const consoleLines: string[] = [];
  const bodies: { at: number; url: string; text: Promise<string> }[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(String(e)));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/') || path.startsWith('/v1/')) bodies.push({ at: Date.now(), url: r.url(), text: r.text().catch(() => '') });
  });
  return {
    consoleLines,
    /** The platform's answers since `since` (ms), as text. */
    responses: async (since = 0) => Promise.all(bodies.filter((b) => b.at >= since).map(async (b) => `${b.url}\n${await b.text}`)),
  };
}

/** The mock's database (the worker's: `servers.stateFile`) and its write-ahead log, as bytes read as text. */
export const stateOnDisk = (file: string) =>
  ['', '-wal'].map((suffix) => (existsSync(file + suffix) ? readFileSync(file + suffix, 'latin1') : '')).join('');

/** The secret is not in the address bar, the page's text or fields, its storage, or the history of this tab. */
export async function expectNotOnPage(page: Page, secret: string) {
  expect(page.url()).not.toContain(secret);
  expect(await page.content()).not.toContain(secret);
  const seen = await page.evaluate(() => ({
    text: document.body.innerText,
    fields: [...document.querySelectorAll('input, textarea, select')].map((e) => (e as HTMLInputElement).value).join('\n'),
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    title: document.title,
  }));
  for (const [where, text] of Object.entries(seen)) expect(text, where).not.toContain(secret);
}
