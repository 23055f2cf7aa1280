import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { Rollout } from '@/contract/rollouts';
import { addEndpoint, createService, newDraft, publish, startRollout, versionsOf } from '@/testing/arrange';
import { callPlatform, platform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { ServicesPage } from './services-page';
import { SERVICES_SEARCH_DEFAULTS, type ServicesSearch } from './services-search';

/** A service with v1 at 100% and v2 rolling out from 10% (for 5 minutes, or `pauseSeconds`). */
async function rollingOut(name: string, pauseSeconds = 300) {
  const service = await createService(name, name.toLowerCase().replace(/ /g, '-'));
  await addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
  const [v1] = await versionsOf(service.id);
  await publish(service.id, v1!.id, 100);
  const v2 = await newDraft(service.id);
  await publish(service.id, v2.id, 10);
  const steps = [
    { percent: 10, pause_seconds: pauseSeconds },
    { percent: 100, pause_seconds: 0 },
  ];
  return { service, rollout: await startRollout(service.id, v2.id, { steps }) };
}

const abort = (serviceId: string, rolloutId: string, reason: string) =>
  callPlatform('developer', 'POST', paths.rolloutAction(SCOPE, serviceId, rolloutId, 'abort'), { reason }, Rollout);

async function renderList(search: Partial<ServicesSearch> = {}) {
  await renderFeature(<ServicesPage scope={SCOPE} search={{ ...SERVICES_SEARCH_DEFAULTS, ...search }} onSearchChange={vi.fn()} />);
  return screen.findByRole('table', { name: 'Hosted services' });
}

const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('link', { name }).closest('tr')!;
const rowsRead = (table: HTMLElement, name: string) => within(table).findByRole('link', { name });

describe('rollouts on the services list', () => {
  beforeEach(() => signInAs('viewer'));

  it('shows a rollout in progress and an aborted one, from one call for the page, each leading to its Traffic tab', async () => {
    const moving = await rollingOut('Moving Along');
    const stopped = await rollingOut('Stopped Short');
    await abort(stopped.service.id, stopped.rollout.id, 'Checkout errors in the EU');
    const asked: string[][] = [];
    server.use(
      http.get(`*/api/v1${paths.serviceRollouts(SCOPE)}`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.getAll('service_id'));
        return undefined;
      }),
    );
    const table = await renderList();
    await rowsRead(table, 'Moving Along');

    const badge = await within(rowOf(table, 'Moving Along')).findByRole('link', { name: 'rolling out v2 · 10%' });
    expect(badge.getAttribute('href')).toBe(`/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${moving.service.id}/traffic`);
    const aborted = within(rowOf(table, 'Stopped Short')).getByRole('link', {
      name: 'rollout aborted at step 1: Checkout errors in the EU',
    });
    expect(aborted.getAttribute('title')).toBe('at step 1: Checkout errors in the EU');
    // The demo's services never rolled out: nothing said.
    expect(within(rowOf(table, 'Invoice Extractor')).queryByRole('link', { name: /rollout|rolling/ })).toBeNull();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual(expect.arrayContaining([moving.service.id, stopped.service.id]));
  });

  it('needs attention for an aborted rollout and one its analysis paused, saying why; not for one moving along', async () => {
    await rollingOut('Moving Along', 3600);
    const stopped = await rollingOut('Stopped Short');
    const undecided = await rollingOut('Undecided Canary');
    await abort(stopped.service.id, stopped.rollout.id, 'Checkout errors in the EU');
    // Its step ends with no canary traffic: the analysis cannot decide, and pauses it.
    platform.clock.advance(5 * 60_000 + 1000);
    const table = await renderList({ attention: true });

    await waitFor(() => expect(within(table).queryByRole('link', { name: 'Undecided Canary' })).not.toBeNull());
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('link')[0]!.textContent);
    expect(names).toEqual(expect.arrayContaining(['Stopped Short', 'Undecided Canary', 'Image Classifier']));
    expect(names).not.toContain('Moving Along');
    const why = (name: string) => within(rowOf(table, name)).getByRole('list').textContent;
    expect(why('Stopped Short')).toBe('Rollout aborted at step 1: Checkout errors in the EU');
    expect(why('Undecided Canary')).toBe('Rollout paused at step 1, inconclusive: 0 of the 20 requests needed');
    expect(within(rowOf(table, 'Undecided Canary')).getByRole('link', { name: 'rollout paused: inconclusive' })).toBeTruthy();
    expect(undecided.rollout.status).toBe('running');
  });
});
