import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEndpoint, canaryService, createService, publish, versionsOf } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
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
