import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { paths } from '@/contract/paths';
import { RolloutPage } from '@/contract/rollouts';
import { rolloutKeys } from '@/data/rollouts/keys';
import { addEndpoint, createService, newDraft, publish, recordCalls, startRollout, versionsOf } from '@/testing/arrange';
import { callPlatform, platform, SCOPE, server, signInAs, type Role } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { textsIn } from '@/testing/texts';
import { RolloutPanel } from './rollout-panel';

const FIVE_MINUTES = 5 * 60_000;

/** v1 at 100%, v2 published at 10% and rolling out: 10% for 5 minutes, then 100%. */
async function rollingOut(slug: string) {
  const service = await createService(`Panel ${slug}`, slug);
  await addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
  const [v1] = await versionsOf(service.id);
  await publish(service.id, v1!.id, 100);
  const v2 = await newDraft(service.id);
  await publish(service.id, v2.id, 10);
  const rollout = await startRollout(service.id, v2.id);
  return { serviceId: service.id, rollout };
}

const newestOf = async (serviceId: string) =>
  (await callPlatform('developer', 'GET', paths.rollouts(SCOPE, serviceId), undefined, RolloutPage)).items[0]!;

async function renderPanel(serviceId: string, role: Role = 'developer') {
  await signInAs(role);
  const view = await renderFeature(<RolloutPanel scope={SCOPE} serviceId={serviceId} />);
  await screen.findByRole('heading', { name: /Rollout of v2/ });
  // What the panel's polling does every few seconds, done now (the test moves the platform's clock, never waits).
  const poll = () => view.queryClient.refetchQueries({ type: 'active' });
  return { ...view, poll };
}

const summary = () => screen.getByRole('status').textContent;
const decisions = () => textsIn('region', 'Decisions', 'listitem');

describe('the Traffic tab’s rollout', () => {
  beforeEach(() => signInAs('developer'));

  it('shows the steps as a track with the current one marked, and the countdown to the next', async () => {
    const { serviceId } = await rollingOut('panel-running');
    await renderPanel(serviceId);

    expect(screen.getByText('running')).toBeTruthy();
    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('aria-current'))).toEqual(['step', null]);
    expect(steps[0]!.textContent).toMatch(/^1\s*10%5 min.*\(step 1, current\)\s*next in \d+ min \d\d s$/);
    expect(steps[1]!.textContent).toMatch(/100%done/);
    expect(summary()).toMatch(/^Running: v2 is at step 1 of 2 \(10%\)/);
    expect(decisions()).toEqual([expect.stringMatching(/^Started by developer@example\.com: v2 at 10%, step 1 of 2/)]);
  });

  it("counts down on the platform's clock, not the browser's: moved two minutes on, the next step is three away", async () => {
    const { serviceId } = await rollingOut('panel-countdown');
    const { poll } = await renderPanel(serviceId);
    platform.clock.advance(2 * 60_000);
    await poll();
    const current = () => within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem')[0]!.textContent;
    await waitFor(() => expect(current()).toMatch(/next in (2 min 5\d|3 min 00) s$/));
  });

  it('advances and succeeds with healthy traffic, saying what was measured', async () => {
    const { serviceId } = await rollingOut('panel-healthy');
    const { poll } = await renderPanel(serviceId);
    recordCalls(serviceId, ...Array.from({ length: 25 }, () => ({ version: 2, duration_ms: 40 })));
    platform.clock.advance(FIVE_MINUTES + 1000);
    await poll();

    await waitFor(() => expect(summary()).toBe('Succeeded: v2 serves 100%, and v1 drains.'));
    expect(decisions()).toEqual([
      expect.stringMatching(/^Started by/),
      expect.stringMatching(
        /^Advanced to step 2 of 2 \(100%\): 0% errors, p95 40 ms over 25 requests, within the limits.*measured 25 requests · 0% errors · p95 40 ms$/,
      ),
      expect.stringMatching(/^Succeeded: v2 serves 100%, and v1 drains/),
    ]);
    // Finished: nothing left to do, nothing live to analyse.
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Live analysis/ })).toBeNull();
  });

  it('shows the analysis’s abort with the measured values against the limit', async () => {
    const { serviceId } = await rollingOut('panel-failing');
    const { poll } = await renderPanel(serviceId);
    recordCalls(serviceId, ...Array.from({ length: 20 }, (_, i) => ({ version: 2, status: i < 2 ? 503 : 200 })));
    await poll();

    await waitFor(() => expect(summary()).toBe('Aborted at step 1: 10% errors over 20 requests, limit 5%. v1 serves 100% again.'));
    expect(screen.getByText('aborted')).toBeTruthy();
    expect(decisions()[1]).toMatch(
      /^Aborted at step 1: 10% errors over 20 requests, limit 5%.* · the analysis · measured 20 requests · 10% errors/,
    );
    expect((await versionsOf(serviceId)).find((v) => v.version === 1)!.traffic_percent).toBe(100);
  });

  it('says the analysis paused an inconclusive step, and resumes it', async () => {
    const { serviceId } = await rollingOut('panel-inconclusive');
    const { user, poll } = await renderPanel(serviceId);
    recordCalls(serviceId, ...Array.from({ length: 3 }, () => ({ version: 2 })));
    platform.clock.advance(FIVE_MINUTES + 1000);
    await poll();

    await waitFor(() => expect(summary()).toMatch(/^Paused at step 1, inconclusive: 3 of the 20 requests needed\. v2 keeps its share/));
    expect(screen.getByText('paused')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(summary()).toMatch(/^Running/));
    expect(decisions().at(-1)).toMatch(/^Resumed at step 1 by developer@example\.com: its pause starts again/);
  });

  it('pauses by hand, and says who paused it; focus stays on the button, now Resume', async () => {
    const { serviceId } = await rollingOut('panel-pause');
    const { user } = await renderPanel(serviceId);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(summary()).toMatch(/^Paused at step 1 by developer@example\.com\. v2 keeps its share/));
    // Not dropped to the page's body: a keyboard user presses it again to resume.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Resume' })));
    expect((await newestOf(serviceId)).status).toBe('paused');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(summary()).toMatch(/^Running:/));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pause' }));
  });

  it('aborts with the reason the person gives', async () => {
    const { serviceId } = await rollingOut('panel-abort');
    const { user } = await renderPanel(serviceId);
    await user.click(screen.getByRole('button', { name: 'Abort…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Abort the rollout of v2?' });
    expect(dialog.textContent).toMatch(/v2 goes to 0% and is archived for good; v1 serves all traffic again/);
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Latency looks off in the EU');
    await user.click(within(dialog).getByRole('button', { name: 'Abort rollout' }));

    await waitFor(() =>
      expect(summary()).toBe('Aborted at step 1 by developer@example.com: Latency looks off in the EU. v1 serves 100% again.'),
    );
    const aborted = await newestOf(serviceId);
    expect(aborted.events.at(-1)).toMatchObject({ kind: 'aborted', by: 'developer@example.com', reason: 'Latency looks off in the EU' });
  });

  it('promotes now, after asking', async () => {
    const { serviceId } = await rollingOut('panel-promote');
    const { user } = await renderPanel(serviceId);
    await user.click(screen.getByRole('button', { name: 'Promote now' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Promote v2 to 100% now?' });
    await user.click(within(dialog).getByRole('button', { name: 'Promote v2' }));
    await waitFor(() => expect(summary()).toBe('Succeeded: v2 serves 100%, and v1 drains.'));
    expect(decisions().slice(1)).toEqual([
      expect.stringMatching(/^Promoted to 100% at step 1 by developer@example\.com/),
      expect.stringMatching(/^Succeeded/),
    ]);
    const steps = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('aria-current'))).toEqual([null, null]);
  });

  it('lets a viewer follow it all, without the buttons', async () => {
    const { serviceId } = await rollingOut('panel-viewer');
    await renderPanel(serviceId, 'viewer');
    expect(screen.getByRole('list', { name: 'Steps' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Live analysis/ })).toBeTruthy();
    expect(decisions()).toHaveLength(1);
    expect(screen.getByRole('note').textContent).toMatch(
      /Your role \(viewer\) cannot do this.*pausing, promoting and aborting it are not offered/,
    );
    for (const name of ['Pause', 'Resume', 'Promote now', 'Abort…']) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('compares the canary with the baseline and each limit, live', async () => {
    const { serviceId } = await rollingOut('panel-live');
    recordCalls(
      serviceId,
      ...Array.from({ length: 10 }, (_, i) => ({ version: 2, status: i === 0 ? 500 : 200, duration_ms: 30 })),
      ...Array.from({ length: 30 }, () => ({ version: 1, duration_ms: 20 })),
    );
    await renderPanel(serviceId);
    const table = await screen.findByRole('table', { name: /The canary against the baseline and the limits/ });
    await waitFor(() => expect(within(table).getAllByRole('row')[1]!.textContent).toBe('Requests1030≥ 20at least 20'));
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[0]).toBe('Canary v2Baseline v1Limit');
    expect(rows[2]).toBe('Errors (5xx)10% (over the limit)0%≤ 5%at most 5%');
    expect(rows[3]).toBe('p95 latency30 ms20 msnone');
    expect(
      screen.getByText(
        /^Waiting for requests: 10 of the 20 the analysis needs before it decides \(so far over a limit: 10% errors, limit 5%\)\.$/,
      ),
    ).toBeTruthy();
  });

  it('says rollouts are not available on a platform without them', async () => {
    const { serviceId } = await rollingOut('panel-missing');
    server.use(http.get(`*/api/v1${paths.rollouts(SCOPE, serviceId)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    await renderFeature(<RolloutPanel scope={SCOPE} serviceId={serviceId} />);
    expect(await screen.findByRole('heading', { name: 'Progressive rollouts are not available on this platform' })).toBeTruthy();
  });

  it('shows nothing for a service that never rolled out', async () => {
    const service = await createService('Panel none', 'panel-none');
    const { queryClient, container } = await renderFeature(<RolloutPanel scope={SCOPE} serviceId={service.id} />);
    await waitFor(() => expect(queryClient.getQueryData(rolloutKeys.newest(SCOPE, service.id))).toEqual({ available: true, data: null }));
    expect(container.textContent).toBe('');
  });
});
