/**
 * The request log (CONTRACT §12): what the gateway answered for a service,
 * filtered, opened, and live; the Test tab's request id finds its record.
 */
import type { Page } from '@playwright/test';
import { expectAccessible, FRAME } from './support/axe';
import { expect, openTab, SERVICES_URL, test } from './support/fixtures';
import { serviceWithCanary } from './support/platform';

const log = (page: Page) => page.getByRole('table', { name: 'Requests, newest first' });
const rows = (page: Page) =>
  log(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });

test.describe('the request log', () => {
  test('Logs filtered to 5xx shows only those, and a row opens its details', { tag: '@phone' }, async ({ asDeveloper: page, request }) => {
    const { api, service } = await serviceWithCanary(request);
    const fine = await api.callPinned(service.id, 1, 'summarize');
    const failed = await api.callPinned(service.id, 2, 'summarize', { status: 503 });
    const refused = await api.callPinned(service.id, 2, 'summarize', { status: 429 });
    const broken = await api.callPinned(service.id, 1, 'summarize', { status: 500 });

    await page.goto(`${SERVICES_URL}/${service.id}`);
    await openTab(page, 'Logs');
    await expect(rows(page)).toHaveCount(4);
    await expect(rows(page).first()).toContainText(broken);
    // A record names its endpoint as the filter does, and all of it is on the screen (a phone's too): its id, last, opens it.
    await expect(rows(page).first()).toContainText('POST /summarize');
    const id = await rows(page).first().getByRole('button', { name: broken }).boundingBox();
    expect(id!.x + id!.width).toBeLessThanOrEqual(page.viewportSize()!.width);

    await page.getByRole('combobox', { name: 'Status' }).selectOption('5xx');
    await expect(page).toHaveURL(/status=5xx/);
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText(broken);
    await expect(rows(page).nth(1)).toContainText(failed);
    await expect(log(page)).not.toContainText(fine);
    await expect(log(page)).not.toContainText(refused);

    // The filter is in the URL: a reload keeps it.
    await page.reload();
    await expect(rows(page)).toHaveCount(2);

    await rows(page).nth(1).getByRole('button', { name: failed }).click();
    const details = page.getByRole('dialog', { name: `Request ${failed}` });
    await expect(details).toContainText('503');
    await expect(details).toContainText('POST /summarize');
    await expect(details).toContainText('v2');
    await expectAccessible(page, 'a request’s details over the filtered log', { exclude: FRAME });
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(details).toBeHidden();

    // A range between two moments fits a phone: its two fields do not push the page sideways.
    await page.getByRole('combobox', { name: 'Time' }).selectOption({ label: 'Between…' });
    await expect(page.getByLabel('From')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  });

  test('Live shows a new call within seconds, without a reload', async ({ asDeveloper: page, request }) => {
    const { api, service } = await serviceWithCanary(request);
    const before = await api.callPinned(service.id, 1, 'summarize');
    await page.goto(`${SERVICES_URL}/${service.id}/logs`);
    await expect(rows(page)).toHaveCount(1);
    await page.getByRole('button', { name: 'Live' }).click();
    await expect(page.getByText('New requests appear at the top.')).toBeVisible();
    await expectAccessible(page, 'the log, live', { exclude: FRAME });

    const during = await api.callPinned(service.id, 2, 'summarize', { status: 502 });
    await expect(rows(page).first()).toContainText(during);
    await expect(rows(page).first()).toContainText('502');
    await expect(rows(page).nth(1)).toContainText(before);
    // Live is in the URL too.
    await expect(page).toHaveURL(/live=true/);
  });

  test('the request id from the Test tab finds its record', async ({ asDeveloper: page, request }) => {
    const { service } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}/test`);
    await page.getByLabel('Endpoint').selectOption('POST /summarize');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.getByRole('region', { name: 'Response' });
    await expect(answer).toContainText('200 OK');
    const link = answer.getByRole('link', { name: /^[\w-]{8,}$/ });
    const requestId = (await link.textContent())!;
    await link.click();

    await expect(page).toHaveURL(new RegExp(`/logs\\?.*search=${requestId}`));
    const details = page.getByRole('dialog', { name: `Request ${requestId}` });
    await expect(details).toContainText('200');
    await expect(details).toContainText('POST /summarize');
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(requestId);
  });

  test('a job card links to its submit record', async ({ asDeveloper: page, request }) => {
    const { service } = await serviceWithCanary(request);
    await page.goto(`${SERVICES_URL}/${service.id}/test`);
    await page.getByLabel('Endpoint').selectOption('POST /summarize');
    await page.getByRole('button', { name: 'Run as job' }).click();
    const card = page.getByRole('region', { name: /^Job / });
    const jobId = (await card.getByRole('heading').textContent())!.replace(/^Job\s*/, '').trim();
    await card.getByRole('link', { name: 'Its submit record' }).click();

    const details = page.getByRole('dialog', { name: /^Request / });
    await expect(details).toContainText('Async job submit');
    await expect(details).toContainText('202');
    await expect(details).toContainText(jobId);
  });
});
