import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { RolloutPage } from '@/contract/rollouts';
import { addEndpoint, createService, endpointsOf, newDraft, publish, versionsOf } from '@/testing/arrange';
import { callPlatform, platform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { PublishDialog } from './publish-dialog';

const API = '*/api/v1';

/** v1 live at 100%, v2 a draft with one more endpoint: what a rollout moves traffic to. */
async function arrange(slug: string) {
  const service = await createService(`Rollout ${slug}`, slug);
  await addEndpoint(service.id, { method: 'POST', path: '/run', summary: 'Run' });
  const [v1] = await versionsOf(service.id);
  await publish(service.id, v1!.id, 100);
  await newDraft(service.id);
  await addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
  const versions = await versionsOf(service.id);
  const draft = versions.find((v) => v.status === 'draft')!;
  return { serviceId: service.id, draft, versions, endpoints: await endpointsOf(service.id, draft.id) };
}

const rolloutsOf = async (serviceId: string) =>
  (await callPlatform('developer', 'GET', paths.rollouts(SCOPE, serviceId), undefined, RolloutPage)).items;
const splitOf = async (serviceId: string) => (await versionsOf(serviceId)).map((v) => [v.version, v.status, v.traffic_percent]);

async function renderPublish(arranged: Awaited<ReturnType<typeof arrange>>) {
  const onOpenChange = vi.fn();
  const view = await renderFeature(<PublishDialog scope={SCOPE} {...arranged} open onOpenChange={onOpenChange} />);
  const gradually = async () => view.user.click(await screen.findByRole('radio', { name: /Roll out gradually/ }));
  const confirm = () => view.user.click(screen.getByRole('checkbox', { name: /I understand/ }));
  const submit = () => view.user.click(screen.getByRole('button', { name: /Publish and roll out version 2|Start the rollout/ }));
  const type = async (name: string, text: string) => {
    const input = screen.getByRole('spinbutton', { name });
    await view.user.clear(input);
    if (text) await view.user.type(input, text);
  };
  return { ...view, onOpenChange, gradually, confirm, submit, type };
}

describe('publishing with a gradual rollout', () => {
  beforeEach(() => signInAs('developer'));

  it('offers the canary preset with the default limits, publishes at its first step, then starts the rollout', async () => {
    const arranged = await arrange('rollout-canary');
    const { gradually, confirm, submit, onOpenChange } = await renderPublish(arranged);
    await gradually();

    expect(screen.getByRole('radio', { name: 'Canary' })).toHaveProperty('checked', true);
    expect(screen.getByText('10% for 5 minutes, then 100%')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Planned steps' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['10%for 5 min', '100%done']);
    expect(screen.getByRole('spinbutton', { name: 'Errors (5xx) at most' })).toHaveProperty('value', '5');
    expect(screen.getByRole('spinbutton', { name: 'Requests before deciding, at least' })).toHaveProperty('value', '20');
    expect(screen.getByRole('spinbutton', { name: 'p95 latency at most' })).toHaveProperty('value', '');
    // The split at the first step, previewed.
    expect(screen.getByRole('img', { name: 'version 2: 10%, version 1: 90%' })).toBeTruthy();

    await confirm();
    await submit();
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(await splitOf(arranged.serviceId)).toEqual([
      [2, 'active', 10],
      [1, 'draining', 90],
    ]);
    const [rollout, ...others] = await rolloutsOf(arranged.serviceId);
    expect(others).toEqual([]);
    expect(rollout).toMatchObject({
      version_id: arranged.draft.id,
      status: 'running',
      steps: [
        { percent: 10, pause_seconds: 300 },
        { percent: 100, pause_seconds: 0 },
      ],
      analysis: { max_error_rate: 0.05, max_p95_ms: null, min_requests: 20 },
    });
  });

  it('sends the linear preset, and a custom list of steps as edited', async () => {
    const arranged = await arrange('rollout-custom');
    const { user, gradually, confirm, submit, type, onOpenChange } = await renderPublish(arranged);
    await gradually();
    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    expect(
      within(screen.getByRole('list', { name: 'Planned steps' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['25%for 10 min', '50%for 10 min', '75%for 10 min', '100%done']);

    // Custom starts from the steps shown: drop 75%, make 50% wait 2 minutes, add one before the last.
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    await user.click(screen.getByRole('button', { name: 'Remove step 3' }));
    await type('Step 2 pause in minutes', '2');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    expect(screen.getByRole('spinbutton', { name: 'Step 3 percent' })).toHaveProperty('value', '75');
    await type('p95 latency at most', '250');
    await type('Errors (5xx) at most', '2.5');
    await confirm();
    await submit();

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    const [rollout] = await rolloutsOf(arranged.serviceId);
    expect(rollout!.steps).toEqual([
      { percent: 25, pause_seconds: 600 },
      { percent: 50, pause_seconds: 120 },
      { percent: 75, pause_seconds: 300 },
      { percent: 100, pause_seconds: 0 },
    ]);
    expect(rollout!.analysis).toEqual({ max_error_rate: 0.025, max_p95_ms: 250, min_requests: 20 });
  });

  it('checks the plan with the contract’s rules, each on its field, and sends nothing until it holds', async () => {
    const arranged = await arrange('rollout-invalid');
    const { user, gradually, confirm, submit, type } = await renderPublish(arranged);
    await gradually();
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    await type('Step 1 percent', '60');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await type('Step 2 percent', '40');
    await type('Step 3 percent', '90');
    await type('Step 1 pause in minutes', '2000');
    await type('Errors (5xx) at most', '150');
    await type('Requests before deciding, at least', '');
    await confirm();
    await submit();

    const rowOf = (n: number) => screen.getByRole('spinbutton', { name: `Step ${n} percent` }).closest('li')!;
    expect(await within(rowOf(2)).findByText('Each step’s percent is higher than the one before')).toBeTruthy();
    expect(within(rowOf(1)).getByText('A pause is at most 1440 minutes (a day)')).toBeTruthy();
    expect(within(rowOf(3)).getByText('The last step is 100%')).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Errors (5xx) at most' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The error limit is from 0% to 100%')).toBeTruthy();
    expect(screen.getByText('Enter a number of requests')).toBeTruthy();
    // Nothing was published, nothing started.
    expect(await splitOf(arranged.serviceId)).toEqual([
      [2, 'draft', 0],
      [1, 'active', 100],
    ]);
    expect(await rolloutsOf(arranged.serviceId)).toEqual([]);
  });

  it('puts the platform’s refusal of a step on that step, keeps the published version, and starts the rollout on the retry', async () => {
    const arranged = await arrange('rollout-422');
    let refusals = 0;
    server.use(
      http.post(`${API}${paths.rollouts(SCOPE, arranged.serviceId)}`, () => {
        refusals += 1;
        return HttpResponse.json(
          {
            detail: [{ loc: ['body', 'steps', 0, 'pause_seconds'], msg: 'This platform pauses at least 60 seconds', type: 'value_error' }],
          },
          { status: 422 },
        );
      }),
    );
    const { user, gradually, confirm, submit, type, onOpenChange } = await renderPublish(arranged);
    await gradually();
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    await type('Step 1 pause in minutes', '0.5');
    await confirm();
    await submit();

    const row = screen.getByRole('spinbutton', { name: 'Step 1 percent' }).closest('li')!;
    expect(await within(row).findByText('This platform pauses at least 60 seconds')).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Step 1 pause in minutes' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Version 2 is published at 10% of traffic, but its rollout has not started/)).toBeTruthy();
    // Published once, at the first step; the percentage cannot be chosen any more.
    expect(await splitOf(arranged.serviceId)).toEqual([
      [2, 'active', 10],
      [1, 'draining', 90],
    ]);
    expect(screen.getByRole('radio', { name: /At a percentage/ })).toHaveProperty('disabled', true);

    server.resetHandlers();
    await type('Step 1 pause in minutes', '1');
    await user.click(screen.getByRole('button', { name: 'Start the rollout' }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(refusals).toBe(1);
    expect((await rolloutsOf(arranged.serviceId)).map((r) => r.steps[0])).toEqual([{ percent: 10, pause_seconds: 60 }]);
  });

  it('never starts two rollouts when the first answer was lost and the user tries again', async () => {
    const arranged = await arrange('rollout-retry');
    const keys: (string | null)[] = [];
    server.use(
      http.post(
        `${API}${paths.rollouts(SCOPE, arranged.serviceId)}`,
        async ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          // The platform starts it; the answer never arrives.
          await platform.app.fetch(request);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user, gradually, confirm, submit, onOpenChange } = await renderPublish(arranged);
    await gradually();
    await confirm();
    await submit();
    expect(await screen.findByText(/Could not reach the platform/)).toBeTruthy();

    server.use(
      http.post(`${API}${paths.rollouts(SCOPE, arranged.serviceId)}`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return platform.app.fetch(request);
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(await rolloutsOf(arranged.serviceId)).toHaveLength(1);
  });

  it('offers only the percentage, with a sentence why, on a platform without rollouts', async () => {
    const arranged = await arrange('rollout-missing');
    server.use(
      http.all(`${API}${paths.rollouts(SCOPE, arranged.serviceId)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })),
    );
    const { confirm, user, onOpenChange } = await renderPublish(arranged);

    expect(await screen.findByText(/This platform does not roll out gradually \(progressive rollouts are not available\)/)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: /Roll out gradually/ })).toBeNull();
    const percent = screen.getByRole('spinbutton', { name: 'Traffic percent' });
    await user.clear(percent);
    await user.type(percent, '30');
    await confirm();
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(await splitOf(arranged.serviceId)).toEqual([
      [2, 'active', 30],
      [1, 'draining', 70],
    ]);
  });

  it('does not offer a rollout for a first publish, which has nothing to compare with', async () => {
    const service = await createService('Rollout first', 'rollout-first');
    await addEndpoint(service.id, { method: 'POST', path: '/run', summary: 'Run' });
    const versions = await versionsOf(service.id);
    await renderFeature(
      <PublishDialog
        scope={SCOPE}
        serviceId={service.id}
        draft={versions[0]!}
        versions={versions}
        endpoints={await endpointsOf(service.id, versions[0]!.id)}
        open
        onOpenChange={() => {}}
      />,
    );
    expect(await screen.findByText(/A gradual rollout compares the new version with one already serving/)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: /Roll out gradually/ })).toBeNull();
  });

  it('says why publishing waits while another rollout is in progress', async () => {
    const arranged = await arrange('rollout-busy');
    // v2 published at 20% and rolling out; v3 is the draft to publish.
    await publish(arranged.serviceId, arranged.draft.id, 20);
    await callPlatform(
      'developer',
      'POST',
      paths.rollouts(SCOPE, arranged.serviceId),
      {
        version_id: arranged.draft.id,
        steps: [
          { percent: 20, pause_seconds: 600 },
          { percent: 100, pause_seconds: 0 },
        ],
        analysis: { max_error_rate: 0.05, max_p95_ms: null, min_requests: 20 },
      },
      { parse: (v: unknown) => v },
    );
    const v3 = await newDraft(arranged.serviceId);
    const versions = await versionsOf(arranged.serviceId);
    const { confirm } = await renderPublish({ ...arranged, draft: versions.find((v) => v.id === v3.id)!, versions });
    expect((await screen.findByText(/A rollout of v2 is in progress/)).textContent).toMatch(/abort it from the Traffic tab, then publish/);
    await confirm();
    expect(screen.getByRole('button', { name: 'Publish version 3' }).hasAttribute('disabled')).toBe(true);
  });
});
