/**
 * Progressive rollouts (CONTRACT §13), as a person meets them: published
 * gradually from the publish dialog, followed on the Traffic tab while the
 * platform advances or aborts them by itself, aborted by hand, read by a
 * viewer, and flagged on the services list.
 *
 * Time: the worker's platform clock is moved with the test clock route
 * (`advanceClock`, support/clock.ts), never waited for. Traffic:
 * gateway calls pinned to the canary, failing ones answered with
 * `X-Mock-Status`. Each story creates its own service.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { paths } from '../src/contract/paths';
import { Rollout, type RolloutCreate } from '../src/contract/rollouts';
import { expectAccessible } from './support/axe';
import { advanceClock } from './support/clock';
import { serviceUrl } from './support/console';
import { expect, openTab, SERVICES_URL, test } from './support/fixtures';
import { SCOPE, serviceWithDraft, unique, type PlatformApi } from './support/platform';

/** A fresh service with v1 live at 100% and v2 a draft (v1's endpoint, and one more): what a rollout moves traffic to. */
const readyToRollOut = (request: APIRequestContext, name = unique('Rollout')) =>
  serviceWithDraft(request, name, [
    { path: '/summarize', summary: 'Summarize a text' },
    { path: '/classify', summary: 'Classify a text' },
  ]);

/** v2 published at 10% and rolling out through the API: 10% for an hour, then 100%; at most 5% errors over at least 20 requests. */
async function rollingOut(request: APIRequestContext, name?: string) {
  const arranged = await readyToRollOut(request, name);
  const { api, service, v2 } = arranged;
  expect((await api.publish(service.id, v2.id, 10)).status()).toBe(200);
  const body: RolloutCreate = {
    version_id: v2.id,
    steps: [
      { percent: 10, pause_seconds: 3600 },
      { percent: 100, pause_seconds: 0 },
    ],
    analysis: { max_error_rate: 0.05, max_p95_ms: null, min_requests: 20 },
  };
  const res = await api.send('POST', paths.rollouts(SCOPE, service.id), body);
  expect(res.status(), await res.text()).toBe(201);
  return { ...arranged, rollout: Rollout.parse(await res.json()) };
}

/** `n` calls to the canary (v2) as a client makes them; the first `failing` answered 503. */
async function canaryCalls(api: PlatformApi, serviceId: string, n: number, failing = 0) {
  for (let i = 0; i < n; i++) await api.callPinned(serviceId, 2, 'summarize', { status: i < failing ? 503 : undefined });
}

const rolloutCard = (page: Page) => page.getByRole('region', { name: /^Rollout of v2/ });
const summary = (page: Page) => rolloutCard(page).getByRole('status');
const decisions = (page: Page) => rolloutCard(page).getByRole('region', { name: 'Decisions' });
const split = (page: Page) => page.getByRole('img', { name: /^Current traffic split/ });

test.describe('rollouts', () => {
  test(
    'publishes with a gradual rollout, and watches it advance and succeed with healthy traffic',
    { tag: '@phone' },
    async ({ asDeveloper: page, request }) => {
      const { api, service, v2 } = await readyToRollOut(request);
      await page.goto(serviceUrl(service, `versions/${v2.id}`));
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish version 2' });
      await dialog.getByRole('radio', { name: /Roll out gradually/ }).check();
      await expect(dialog.getByRole('radio', { name: 'Canary' })).toBeChecked();
      await expect(dialog.getByText('10% for 5 minutes, then 100%')).toBeVisible();
      await expect(dialog.getByRole('spinbutton', { name: 'Errors (5xx) at most' })).toHaveValue('5');
      await expect(dialog.getByRole('img', { name: 'version 2: 10%, version 1: 90%' })).toBeVisible();
      await expectAccessible(page, 'the publish dialog, rolling out gradually');
      await dialog.getByRole('checkbox', { name: /I understand/ }).check();
      await dialog.getByRole('button', { name: 'Publish and roll out version 2' }).click();
      await expect(page.getByText('Version 2 is live at 10%: its rollout has started')).toBeVisible();

      await openTab(page, 'Traffic');
      await expect(summary(page)).toHaveText(/^Running: v2 is at step 1 of 2 \(10%\)/);
      const steps = rolloutCard(page).getByRole('list', { name: 'Steps' }).getByRole('listitem');
      await expect(steps.first()).toContainText(/next in \d+ min \d\d s/);
      await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (draining) 90%, v2 (active) 10%');
      // The split is the rollout's to move: the buttons that would move it by hand wait, and say why.
      await expect(page.getByRole('button', { name: 'Promote v2' })).toBeDisabled();
      await expect(page.getByText('A rollout of v2 is in progress: it moves the split by itself.')).toBeVisible();

      await canaryCalls(api, service.id, 25);
      await expect(rolloutCard(page).getByText('Within the limits so far.')).toBeVisible({ timeout: 15_000 });
      await advanceClock(request, 5 * 60_000 + 1000);

      await expect(summary(page)).toHaveText('Succeeded: v2 serves 100%, and v1 drains.');
      await expect(decisions(page)).toContainText(
        /Advanced to step 2 of 2 \(100%\): 0% errors, p95 [\d.]+ ms over 25 requests, within the limits/,
      );
      await expect(decisions(page)).toContainText('Succeeded: v2 serves 100%, and v1 drains');
      await expect(split(page)).toHaveAccessibleName(/^Current traffic split: (v1 \(draining\) 0%, )?v2 \(active\) 100%$/);
      await expect(rolloutCard(page).getByRole('button', { name: 'Pause' })).toHaveCount(0);
    },
  );

  test('a second canary fed failing calls rolls itself back while the page is open, showing why', async ({
    asDeveloper: page,
    request,
  }) => {
    const { api, service } = await rollingOut(request);
    await page.goto(serviceUrl(service, 'traffic'));
    await expect(summary(page)).toHaveText(/^Running: v2 is at step 1 of 2 \(10%\)/);

    await canaryCalls(api, service.id, 20, 3);
    await expect(summary(page)).toHaveText('Aborted at step 1: 15% errors over 20 requests, limit 5%. v1 serves 100% again.');
    await expect(decisions(page)).toContainText('the analysis · measured 20 requests · 15% errors');
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (active) 100%');
    await expect(page.getByText(/A rollout of v2 is in progress/)).toHaveCount(0);
    expect((await api.versions(service.id)).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([
      [2, 'archived', 0],
      [1, 'active', 100],
    ]);
  });

  test('aborts a rollout from the console, with a reason', async ({ asDeveloper: page, request }) => {
    const { service } = await rollingOut(request);
    await page.goto(serviceUrl(service, 'traffic'));
    await rolloutCard(page).getByRole('button', { name: 'Abort…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abort the rollout of v2?' });
    await expect(dialog).toContainText('v2 goes to 0% and is archived for good; v1 serves all traffic again.');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Support reports slow summaries in the EU');
    await dialog.getByRole('button', { name: 'Abort rollout' }).click();

    await expect(page.getByText('Rollout aborted: v1 serves all traffic again')).toBeVisible();
    await expect(summary(page)).toHaveText(
      'Aborted at step 1 by developer@example.com: Support reports slow summaries in the EU. v1 serves 100% again.',
    );
    await expect(split(page)).toHaveAccessibleName('Current traffic split: v1 (active) 100%');
    await expectAccessible(page, 'the Traffic tab with an aborted rollout');
    // The decision is in the service's activity too, with the reason.
    await openTab(page, 'Overview');
    await expect(page.getByText(/Aborted the rollout of v2 at step 1 of 2: Support reports slow summaries in the EU/)).toBeVisible();
  });

  test('a viewer sees the rollout, its analysis and its decisions, without the buttons', async ({ asViewer: page, request }) => {
    const { api, service, rollout } = await rollingOut(request);
    expect((await api.send('POST', paths.rolloutAction(SCOPE, service.id, rollout.id, 'pause'))).status()).toBe(200);
    await page.goto(serviceUrl(service, 'traffic'));

    await expect(summary(page)).toHaveText(/^Paused at step 1 by developer@example\.com\. v2 keeps its share/);
    await expect(rolloutCard(page).getByRole('list', { name: 'Steps' })).toBeVisible();
    await expect(rolloutCard(page).getByRole('heading', { name: 'Live analysis · step 1 so far' })).toBeVisible();
    await expect(decisions(page).getByRole('listitem')).toHaveText([
      /^Started by developer@example\.com/,
      /^Paused at step 1 by developer@example\.com/,
    ]);
    await expect(rolloutCard(page).getByRole('note')).toContainText('Your role (viewer) cannot do this.');
    for (const name of ['Pause', 'Resume', 'Promote now', 'Abort…']) await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(rolloutCard(page).getByRole('table')).toBeVisible();
    await expectAccessible(page, 'the Traffic tab with a paused rollout');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'the Traffic tab with a paused rollout, dark', { rules: ['color-contrast'] });
  });

  test('the services list flags the aborted one, and says why among what needs attention', async ({ asDeveloper: page, request }) => {
    const name = unique('Flagged Rollout');
    const { api, service } = await rollingOut(request, name);
    await canaryCalls(api, service.id, 20, 20);
    // The platform aborts it by itself within a second or so, with no one reading it.
    await expect
      .poll(async () => Rollout.parse((await (await api.send('GET', paths.rollouts(SCOPE, service.id))).json()).items[0]).status)
      .toBe('aborted');

    await page.goto(`${SERVICES_URL}?q=${encodeURIComponent(name)}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    const flag = row.getByRole('link', { name: 'rollout aborted at step 1: 100% errors over 20 requests, limit 5%' });
    await expect(flag).toBeVisible();

    await page.goto(`${SERVICES_URL}?attention=true`);
    const flagged = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(flagged.getByRole('cell').nth(1)).toHaveText(/^Rollout aborted at step 1: 100% errors over 20 requests, limit 5%/);
    await flagged.getByRole('link', { name: /^rollout aborted/ }).click();
    await expect(page).toHaveURL(new RegExp(`/services/${service.id}/traffic$`));
    await expect(summary(page)).toHaveText('Aborted at step 1: 100% errors over 20 requests, limit 5%. v1 serves 100% again.');
  });
});
