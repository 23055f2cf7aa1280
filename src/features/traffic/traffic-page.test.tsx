import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEndpoint, canaryService, createService, publish, versionsOf } from '@/testing/arrange';
import { paths } from '@/contract/paths';
import { callPlatform, SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { TrafficPage } from './traffic-page';

describe('the Traffic tab', () => {
  beforeEach(() => signInAs('developer'));

  it('takes focus when Edit split opens it, and gives it back to Edit split when it closes: Escape, Cancel or a save', async () => {
    const service = await canaryService('Split focus', 'split-focus', 20);
    const { user } = await renderFeature(<TrafficPage scope={SCOPE} serviceId={service.id} />);
    const edit = await screen.findByRole('button', { name: 'Edit split' });
    const editor = () => screen.getByRole('region', { name: 'Edit split' });

    await user.click(edit);
    // Its heading, not the Edit split it has just disabled (focus there would fall to the page's body); the shares next.
    await waitFor(() => expect(document.activeElement).toBe(within(editor()).getByRole('heading', { name: 'Edit split' })));
    await user.tab();
    expect(document.activeElement).toBe(within(editor()).getByRole('slider', { name: 'v1 share slider' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Edit split' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(edit));

    await user.click(edit);
    await user.click(within(editor()).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(edit));

    await user.click(edit);
    const v1 = within(editor()).getByRole('spinbutton', { name: /^v1 / });
    await user.clear(v1);
    await user.type(v1, '50');
    const v2 = within(editor()).getByRole('spinbutton', { name: /^v2 / });
    await user.clear(v2);
    await user.type(v2, '50');
    await user.click(within(editor()).getByRole('button', { name: 'Save split' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Apply the new split?' });
    // Escape in the confirmation closes the confirmation only.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(editor()).toBeTruthy();
    await user.click(within(editor()).getByRole('button', { name: 'Save split' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Apply split' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Edit split' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit split' })));
    expect(confirm.isConnected).toBe(false);
  });

  it('says once why nothing can be changed while one version serves alone, for each of its buttons', async () => {
    const service = await createService('Serving alone', 'serving-alone');
    await addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
    const [v1] = await versionsOf(service.id);
    await publish(service.id, v1!.id, 100);
    await renderFeature(<TrafficPage scope={SCOPE} serviceId={service.id} />);
    const reason = 'Only v1 serves traffic: publish a new version to split, promote or roll back.';
    for (const name of ['Edit split', 'Roll back', 'Promote']) {
      const button = await screen.findByRole('button', { name });
      expect(button.hasAttribute('disabled'), name).toBe(true);
      expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent, name).toBe(reason);
    }
  });
});

describe('the Traffic tab’s history', () => {
  beforeEach(() => signInAs('developer'));

  it('marks only the newest entry that left today’s split as the current split', async () => {
    const service = await canaryService('History current', 'history-current', 20);
    const [v2, v1] = await versionsOf(service.id);
    const setSplit = (one: number, two: number) =>
      callPlatform(
        'developer',
        'PUT',
        paths.traffic(SCOPE, service.id),
        {
          allocations: [
            { version_id: v1!.id, percent: one },
            { version_id: v2!.id, percent: two },
          ],
        },
        { parse: (v: unknown) => v },
      );
    await setSplit(50, 50);
    await setSplit(80, 20);
    await renderFeature(<TrafficPage scope={SCOPE} serviceId={service.id} />);
    const entries = within(await screen.findByRole('list', { name: 'Traffic splits, newest first' })).getAllByRole('listitem');
    const said = entries.map((e) => e.textContent);
    // Newest first: 80/20 again (now), 50/50, 80/20 from the publish, v1 alone.
    expect(said).toHaveLength(4);
    expect(said[0]).toMatch(/current split$/);
    expect(said[2]).toMatch(/The same split as now\.$/);
    expect(said.filter((t) => t!.includes('current split'))).toHaveLength(1);
    for (const i of [1, 3]) expect(within(entries[i]!).getByRole('button', { name: /^Restore the split/ })).toBeTruthy();
  });
});
