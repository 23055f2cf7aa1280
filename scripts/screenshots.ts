/**
 * Screenshots, two ways.
 *
 * Every page at phone and desktop widths, light and dark, for a person to look
 * at before calling a layout done, and each page's width (anything wider than
 * the viewport scrolls sideways):
 *
 *   npm start                                   # or any console with the demo seed
 *   npx tsx scripts/screenshots.ts [base-url]   # → .screenshots/<page>-<width>-<theme>.png
 *
 * SHOTS_WIDTHS=390,1280, SHOTS_THEMES=light,dark and SHOTS_ONLY=<page name part> narrow it down;
 * SHOTS_FULL=0 takes the viewport only. The Traffic tab with a rollout is taken too, once per state
 * (running, paused, aborted, succeeded) that a service of the workspace shows now — the demo seed has
 * none: start one (the publish dialog's "Roll out gradually") before taking them.
 *
 * The images the README and docs/user-guide.md show (`DOC_SHOTS` below), from a
 * fresh demo seed (`npm run mock -- --reset` beside `npm run dev`; the demo
 * traffic only changes the figures):
 *
 *   npx tsx scripts/screenshots.ts --docs [base-url]   # → docs/images/<file>.png, the viewport only
 *
 * It fails when the images together pass `DOCS_BUDGET_BYTES`, so the repository stays light.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { EMBEDDING_SERVICE, findPages, SIGN_IN_PAGE, TRANSLATION_GATEWAY } from '../e2e/support/pages';
import { IDS } from '../mock-server/core/seed-ids';
import { findChromium } from './browser';

const args = process.argv.slice(2);
const docsMode = args.includes('--docs');
const base = args.find((a) => !a.startsWith('--')) ?? 'http://127.0.0.1:5173';
const only = process.env.SHOTS_ONLY;

type Theme = 'light' | 'dark';
type Tokens = { access_token: string; refresh_token: string | null; expires_in: number };

const workspace = `/orgs/${IDS.org}/workspaces/${IDS.production}`;
const service = (id: string, tab = '') => `${workspace}/services/${id}${tab ? `/${tab}` : ''}`;

/** One image of the docs: a page at one width and theme, after `act` (a dialog opened, a call made). */
type DocShot = {
  file: string;
  url: string | ((versionsOf: VersionsOf) => Promise<string>);
  width: 390 | 1280;
  theme: Theme;
  act?: (page: Page) => Promise<void>;
};
type VersionsOf = (serviceId: string) => Promise<{ id: string; version: number; status: string }[]>;

const openDialog = (button: string) => async (page: Page) => {
  await page.getByRole('button', { name: button, exact: true }).click();
  // A form is a dialog, a confirmation an alertdialog.
  await page.getByRole('dialog').or(page.getByRole('alertdialog')).waitFor();
};

/** What the README and docs/user-guide.md link to (docs/images/<file>.png); scripts/docs.test.ts checks that every image linked is there. */
const DOC_SHOTS: DocShot[] = [
  { file: 'services-1280-light', url: `${workspace}/services`, width: 1280, theme: 'light' },
  { file: 'services-1280-dark', url: `${workspace}/services`, width: 1280, theme: 'dark' },
  { file: 'services-390-light', url: `${workspace}/services`, width: 390, theme: 'light' },
  { file: 'sign-in-390-dark', url: SIGN_IN_PAGE.url, width: 390, theme: 'dark' },
  { file: 'overview-1280-light', url: service(EMBEDDING_SERVICE), width: 1280, theme: 'light' },
  {
    file: 'publish-1280-light',
    url: async (versionsOf) => {
      const draft = (await versionsOf(TRANSLATION_GATEWAY)).find((v) => v.status === 'draft');
      if (!draft) throw new Error('Translation Gateway has no draft: reset the mock to the demo seed');
      return service(TRANSLATION_GATEWAY, `versions/${draft.id}`);
    },
    width: 1280,
    theme: 'light',
    act: openDialog('Publish…'),
  },
  { file: 'traffic-1280-light', url: service(EMBEDDING_SERVICE, 'traffic'), width: 1280, theme: 'light' },
  { file: 'promote-1280-dark', url: service(EMBEDDING_SERVICE, 'traffic'), width: 1280, theme: 'dark', act: openDialog('Promote v2') },
  { file: 'traffic-390-dark', url: service(EMBEDDING_SERVICE, 'traffic'), width: 390, theme: 'dark' },
  { file: 'metrics-1280-dark', url: service(EMBEDDING_SERVICE, 'metrics'), width: 1280, theme: 'dark' },
  { file: 'logs-1280-light', url: service(EMBEDDING_SERVICE, 'logs'), width: 1280, theme: 'light' },
  {
    file: 'test-1280-light',
    url: service(EMBEDDING_SERVICE, 'test'),
    width: 1280,
    theme: 'light',
    act: async (page) => {
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByLabel('Response body').waitFor();
    },
  },
  { file: 'deployment-1280-light', url: service(EMBEDDING_SERVICE, 'deployment'), width: 1280, theme: 'light' },
  { file: 'bindings-1280-light', url: service(IDS.services.invoiceExtractor, 'bindings'), width: 1280, theme: 'light' },
  {
    file: 'connector-instance-1280-light',
    url: `${workspace}/connectors/postgresql/instances/${IDS.connectors.ordersDb}`,
    width: 1280,
    theme: 'light',
    act: async (page) => {
      await page.getByRole('button', { name: 'Run Read query' }).click();
      await page.getByRole('table').first().waitFor();
      // The answer, below the form: from its heading down.
      await page
        .getByRole('heading', { name: 'Result' })
        .evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 100)); // below the sticky header
    },
  },
  { file: 'tokens-1280-light', url: service(EMBEDDING_SERVICE, 'tokens'), width: 1280, theme: 'light' },
  { file: 'stubs-1280-dark', url: service(EMBEDDING_SERVICE, 'stubs'), width: 1280, theme: 'dark' },
  { file: 'agents-1280-light', url: `${workspace}/agents`, width: 1280, theme: 'light' },
  { file: 'rings-1280-light', url: `${workspace}/rings`, width: 1280, theme: 'light' },
  { file: 'users-1280-light', url: `${workspace}/users`, width: 1280, theme: 'light', act: openDialog('Invite user') },
];

const DOCS_DIR = 'docs/images';
/** What the docs' images may weigh together. */
const DOCS_BUDGET_BYTES = 3 * 1024 * 1024;

async function signIn(): Promise<Tokens> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'password' }),
  });
  if (!login.ok) throw new Error(`Could not sign in at ${base}: ${login.status}`);
  return (await login.json()) as Tokens;
}

/**
 * The Traffic tab of one service per rollout state the workspace shows now
 * (`service-rollouts`, our extension): only what exists is taken, nothing is
 * started here.
 */
async function rolloutPages(tokens: Tokens): Promise<{ name: string; url: string }[]> {
  const res = await fetch(`${base}/api/v1/orgs/${IDS.org}/workspaces/${IDS.production}/service-rollouts`, {
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });
  if (!res.ok) return [];
  const body = (await res.json()) as { items: { service_id: string; rollout: { status: string } }[] };
  const byStatus = new Map(body.items.map((i) => [i.rollout.status, i.service_id]));
  return [...byStatus].map(([status, id]) => ({ name: `service-traffic-rollout-${status}`, url: service(id, 'traffic') }));
}

const versionsOfWith =
  (tokens: Tokens): VersionsOf =>
  async (serviceId) => {
    const res = await fetch(`${base}/api/v1/orgs/${IDS.org}/workspaces/${IDS.production}/hosted-services/${serviceId}/versions`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    const body = (await res.json()) as { items: { id: string; version: number; status: string }[] };
    return body.items;
  };

/** A browser context at that width and theme, signed in as the demo admin on every page but the sign-in page. */
async function signedInPage(browser: Browser, tokens: Tokens, width: number, theme: Theme, height = width < 600 ? 844 : 900) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
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
  return { context, page: await context.newPage() };
}

/** Open a page and wait until it has drawn: its heading, then no request in flight. */
async function visit(page: Page, url: string) {
  await page.goto(base + url);
  await page
    .getByRole('heading', { level: 1 })
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  await page.waitForLoadState('networkidle');
}

async function walkEveryPage(browser: Browser, tokens: Tokens) {
  const out = '.screenshots';
  const widths = (process.env.SHOTS_WIDTHS ?? '390,1280').split(',').map(Number);
  const themes = (process.env.SHOTS_THEMES ?? 'light,dark').split(',') as Theme[];
  const fullPage = process.env.SHOTS_FULL !== '0';
  const pages = [SIGN_IN_PAGE, ...(await findPages(versionsOfWith(tokens))), ...(await rolloutPages(tokens))].filter(
    (p) => !only || p.name.includes(only),
  );
  mkdirSync(out, { recursive: true });
  const wide: string[] = [];
  for (const width of widths) {
    for (const theme of themes) {
      const { context, page } = await signedInPage(browser, tokens, width, theme);
      for (const p of pages) {
        await visit(page, p.url);
        // Fonts and transitions settle: this is a picture for a person, not a test.
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
  console.log(wide.length ? `\nWider than the viewport:\n  ${wide.join('\n  ')}` : '\nNo page is wider than its viewport.');
}

async function writeDocImages(browser: Browser, tokens: Tokens) {
  mkdirSync(DOCS_DIR, { recursive: true });
  const versionsOf = versionsOfWith(tokens);
  for (const shot of DOC_SHOTS.filter((s) => !only || s.file.includes(only))) {
    const { context, page } = await signedInPage(browser, tokens, shot.width, shot.theme, shot.width < 600 ? 844 : 800);
    await visit(page, typeof shot.url === 'string' ? shot.url : await shot.url(versionsOf));
    if (shot.act) await shot.act(page);
    await page.waitForTimeout(300);
    const path = `${DOCS_DIR}/${shot.file}.png`;
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    console.log(`${path}: ${Math.round(statSync(path).size / 1024)} KB`);
    await context.close();
  }
  const files = readdirSync(DOCS_DIR).filter((f) => f.endsWith('.png'));
  const extra = files.filter((f) => !DOC_SHOTS.some((s) => `${s.file}.png` === f));
  if (extra.length) console.log(`\nNot in DOC_SHOTS (delete them, or list them): ${extra.join(', ')}`);
  const total = files.reduce((sum, f) => sum + statSync(`${DOCS_DIR}/${f}`).size, 0);
  console.log(`\n${files.length} images, ${(total / 1024 / 1024).toFixed(2)} MB in ${DOCS_DIR}`);
  if (total > DOCS_BUDGET_BYTES) {
    console.error(`Over the budget of ${DOCS_BUDGET_BYTES / 1024 / 1024} MB: drop an image or take the viewport of a smaller page.`);
    process.exitCode = 1;
  }
}

async function main() {
  const tokens = await signIn();
  const found = findChromium();
  const browser = await chromium.launch({
    executablePath: found.source === 'playwright' ? undefined : (found.path ?? undefined),
    args: ['--no-sandbox'],
  });
  try {
    await (docsMode ? writeDocImages(browser, tokens) : walkEveryPage(browser, tokens));
  } finally {
    await browser.close();
  }
}

await main();
