/**
 * How each version behaves (CONTRACT §12): after calls through the gateway —
 * some made to fail with `X-Mock-Status` — the Metrics tab, the Traffic tab,
 * the overview and the services list say what each version answered.
 */
import type { Page } from '@playwright/test';
import { expectAccessible, FRAME } from './support/axe';
import { expect, openTab, SERVICES_URL, test } from './support/fixtures';
import { ownWorkspace, serviceWithCanary, type PlatformApi } from './support/platform';
import { workspaceUrl } from './support/console';
import type { Scope } from '../src/contract/paths';

/** A canary (v1 80%, v2 20%) that answered: v1 eight calls, all fine; v2 four, two of them 503s. */
async function canaryWithCalls(request: Parameters<typeof serviceWithCanary>[0], scope?: Scope) {
  const canary = await serviceWithCanary(request, scope);
  const { api, service } = canary;
  await callMany(api, service.id, 1, 8);
  await callMany(api, service.id, 2, 2);
  await callMany(api, service.id, 2, 2, 503);
  return canary;
}

const callMany = async (api: PlatformApi, serviceId: string, version: number, times: number, status?: number, path = 'summarize') => {
  for (let i = 0; i < times; i++) await api.callPinned(serviceId, version, path, { status });
};

const totalsRow = (page: Page, version: string) =>
  page.getByRole('table', { name: /^Totals per version/ }).getByRole('row', { name: new RegExp(`^${version}\\b`) });

test.describe('metrics', () => {
  test(
    'after calls through the gateway, the Metrics tab shows both versions’ requests and error rates, as text too, per endpoint, and leads to the calls in Logs',
    { tag: '@phone' },
    async ({ asDeveloper: page, request }) => {
      const { service, api } = await canaryWithCalls(request);
      // v2 also answered two calls to its second endpoint, both fine.
      await callMany(api, service.id, 2, 2, undefined, 'documents/d1/translate');
      await page.goto(`${SERVICES_URL}/${service.id}`);
      await openTab(page, 'Metrics');
      await expect(page.getByText('v2: 33.3% errors vs v1: 0%')).toBeVisible();
      await expect(totalsRow(page, 'v2').getByRole('cell')).toHaveText(['6', '0', '2', '33.3%', /ms$/, /ms$/, /ms$/]);
      // One endpoint: every figure is of its calls, and the page says whose.
      await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'POST /summarize' });
      await expect(page).toHaveURL(/path=%2Fsummarize/);
      await expect(page.getByText(/^POST \/summarize, over the last hour, per minute\./)).toBeVisible();
      await expect(page.getByText('v2: 50% errors vs v1: 0%')).toBeVisible();
      await expect(page.getByRole('list', { name: 'Totals per version' })).toContainText('Requests4');
      await expect(totalsRow(page, 'v2').getByRole('cell')).toHaveText(['4', '0', '2', '50%', /ms$/, /ms$/, /ms$/]);
      await expect(totalsRow(page, 'v1').getByRole('cell')).toHaveText(['8', '0', '0', '0%', /ms$/, /ms$/, /ms$/]);
      // A chart per measure (uPlot, loaded with the tab), with its read-out in words.
      for (const chart of ['Requests', 'Error rate (5xx)', 'Latency (p95)']) {
        await expect(page.getByRole('img', { name: new RegExp(`^${chart.replace(/[()]/g, '\\$&')}: a line per version`) })).toBeVisible();
      }
      await expect(page.locator('canvas').first()).toBeVisible();
      await page.getByText(/Every minute as a table/).click();
      await expect(page.getByRole('table', { name: /per minute and version, newest first/ })).toBeVisible();
      await expectAccessible(page, 'the Metrics tab with figures', { exclude: FRAME });
      // From v2's figures to its calls: the Logs tab, filtered to v2, the endpoint and the window.
      await page.getByRole('link', { name: 'View in Logs for v2' }).click();
      const filters = page.getByRole('search', { name: 'Filter requests' });
      await expect(filters.getByRole('combobox', { name: 'Version' })).toHaveValue('2');
      await expect(filters.getByRole('combobox', { name: 'Endpoint' })).toHaveValue('/summarize');
      await expect(filters.getByRole('combobox', { name: 'Time' })).toHaveValue('custom');
      const log = page.getByRole('table', { name: 'Requests, newest first' });
      await expect(log.getByRole('row')).toHaveCount(5);
      await expect(log).not.toContainText('/documents/');
      // And its server errors alone.
      await page.goBack();
      await page.getByRole('link', { name: 'View 5xx in Logs for v2' }).click();
      await expect(page.getByRole('search', { name: 'Filter requests' }).getByRole('combobox', { name: 'Status' })).toHaveValue('5xx');
      await expect(log.getByRole('row')).toHaveCount(3);
    },
  );

  test('the window picked survives a reload', async ({ asViewer: page, request }) => {
    const { service } = await canaryWithCalls(request);
    await page.goto(`${SERVICES_URL}/${service.id}/metrics`);
    await expect(page.getByText('v2: 50% errors vs v1: 0%')).toBeVisible();
    await page.getByRole('radio', { name: '24 h' }).check();
    await expect(page.getByText(/Over the last 24 hours, per 15 minutes/)).toBeVisible();
    await expect(page).toHaveURL(/window=24h/);
    await page.reload();
    await expect(page.getByRole('radio', { name: '24 h' })).toBeChecked();
    await expect(page.getByText(/Over the last 24 hours, per 15 minutes/)).toBeVisible();
    await expect(page.getByText('v2: 50% errors vs v1: 0%')).toBeVisible();
  });

  test('the Traffic tab shows each serving version’s last hour beside it, and the overview a health summary', async ({
    asDeveloper: page,
    request,
  }) => {
    const { service } = await canaryWithCalls(request);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    const health = page.getByRole('region', { name: 'Health, last hour' });
    await expect(health).toContainText('Requests12');
    await expect(health).toContainText('v2: 50% errors vs v1: 0%');
    await openTab(page, 'Traffic');
    const legend = page.getByRole('table', { name: 'Serving versions' });
    await expect(legend.getByRole('row', { name: /^v2/ }).getByRole('cell')).toContainText(['active', '20%', '4', '50%']);
    await expect(legend.getByRole('row', { name: /^v1/ }).getByRole('cell')).toContainText(['draining', '80%', '8', '0%']);
  });

  test('a viewer sees both tabs', async ({ asViewer: page, request }) => {
    const { service } = await canaryWithCalls(request);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await openTab(page, 'Metrics');
    await expect(page.getByText('v2: 50% errors vs v1: 0%')).toBeVisible();
    await openTab(page, 'Logs');
    await expect(page.getByRole('table', { name: 'Requests, newest first' }).getByRole('row')).toHaveCount(13);
  });

  test('the services list shows each service’s last hour, and which need attention', async ({ asDeveloper: page, request }) => {
    // A workspace of its own: Needs attention lists the workspace's services with errors, most first.
    const scope = await ownWorkspace(request, ['dev']);
    const { service } = await canaryWithCalls(request, scope);
    await page.goto(`${workspaceUrl('services', scope)}?q=${encodeURIComponent(service.name)}`);
    const row = page.getByRole('row', { name: new RegExp(service.name) });
    await expect(row).toContainText('12');
    await expect(row).toContainText('16.7%');
    await page.getByRole('checkbox', { name: 'Needs attention' }).check();
    await expect(page).toHaveURL(/attention=true/);
    await expect(page.getByText(/most errors first/)).toBeVisible();
    await expect(page.getByRole('link', { name: service.name })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Needs attention' })).toBeChecked();
    await expect(page.getByRole('link', { name: service.name })).toBeVisible();
  });
});
