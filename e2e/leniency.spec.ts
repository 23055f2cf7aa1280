/**
 * A platform that leaves out what CONTRACT marks as our decision (§11): the
 * pages still read every row and say what is unknown. The answers are the
 * mock's, with those fields taken out on the way to the browser.
 */
import type { Page } from '@playwright/test';
import { expectAccessible, FRAME } from './support/axe';
import { expect, openTab, SERVICES_URL, test } from './support/fixtures';
import { serviceWithCanary } from './support/platform';

const SERVICE_FIELDS = ['org_id', 'workspace_id', 'created_at', 'updated_at'];
const VERSION_FIELDS = ['traffic_percent', 'created_at'];

const without = (row: Record<string, unknown>, fields: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !fields.includes(k)));

/** Every read of services and versions answered without our decided fields. */
async function withoutDecidedFields(page: Page) {
  await page.route(/\/api\/v1\/orgs\/[^/]+\/workspaces\/[^/]+\/hosted-services(\/[^/?]+)?(\/versions)?(\?.*)?$/, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown> & { items?: Record<string, unknown>[] };
    const fields = new URL(route.request().url()).pathname.endsWith('/versions') ? VERSION_FIELDS : SERVICE_FIELDS;
    const json = body.items ? { ...body, items: body.items.map((row) => without(row, fields)) } : without(body, fields);
    return route.fulfill({ response, json });
  });
}

/** What a description list says for a term. */
async function detail(page: Page, term: string) {
  const terms = await page.getByRole('term').allTextContents();
  return page.getByRole('definition').nth(terms.indexOf(term));
}

test('a service and its versions render without their times, where they live, or their traffic', async ({ asDeveloper: page, request }) => {
  // v1 drains at 80% while v2 takes 20%: with neither share given, the split is not known.
  const { service } = await serviceWithCanary(request);
  await withoutDecidedFields(page);

  await page.goto(`${SERVICES_URL}?q=${encodeURIComponent(service.name)}`);
  const row = page.getByRole('row', { name: new RegExp(service.name) });
  await expect(row).toBeVisible();
  // Updated and Created are unknown: a dash each, not an unreadable row (the error rate before them is a dash too: no calls yet).
  await expect(row.getByRole('cell')).toHaveText([new RegExp(service.name), 'invocation', 'active', 'dev', 'v2 live', '0', '—', '—', '—']);
  await expect(page.getByText(/could not be read/)).toHaveCount(0);

  // Its link is built from the workspace the list was read from.
  await row.getByRole('link', { name: service.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: service.name })).toBeVisible();
  await expect(await detail(page, 'Created')).toHaveText('—');
  await expect(await detail(page, 'Updated')).toHaveText('—');

  await openTab(page, 'Versions');
  const versions = page.getByRole('table', { name: /Versions of this service/ });
  await expect(versions.getByRole('link', { name: /^Version \d$/ })).toHaveText(['Version 2', 'Version 1']);
  await expect(versions.getByText('not given')).toHaveCount(2);
  await expect(page.getByText(/could not be read/)).toHaveCount(0);
  await expectAccessible(page, 'the Versions tab without traffic or times', { exclude: FRAME });

  await openTab(page, 'Traffic');
  await expect(page.getByRole('note').filter({ hasText: 'does not say how traffic is split' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Promote|Roll back|Edit split/ })).toHaveCount(0);
  await expectAccessible(page, 'the Traffic tab without traffic', { exclude: FRAME });
});
