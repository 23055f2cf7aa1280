/** axe-core on the page as it is now (with any dialog open), failing on serious or critical violations. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Which part of the page to check (CSS selectors: axe's own terms), and which rules: all of WCAG 2.2 AA
 * by default, or only some (the contrast again in the dark theme).
 */
export type AxeScope = { include?: string; exclude?: readonly string[]; rules?: string[] };

/** The app's frame, the same on every signed-in page: the sidebar and the header. */
export const FRAME = ['aside.sidebar', 'header.topbar'] as const;

/** What axe found that is serious or critical, one line per element: rule, impact, what to fix, where. */
export async function seriousViolations(page: Page, { include, exclude = [], rules }: AxeScope = {}): Promise<string[]> {
  let axe = new AxeBuilder({ page });
  axe = rules ? axe.withRules(rules) : axe.withTags(WCAG_AA);
  if (include) axe = axe.include(include);
  for (const selector of exclude) axe = axe.exclude(selector);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}${n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''}`,
      ),
    );
}

export async function expectAccessible(page: Page, what: string, scope?: AxeScope) {
  expect(await seriousViolations(page, scope), `axe on ${what}`).toEqual([]);
}
