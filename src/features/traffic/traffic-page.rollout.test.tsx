import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEndpoint, createService, newDraft, publish, startRollout, versionsOf } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { TrafficPage } from './traffic-page';

describe('the Traffic tab while a rollout moves the split', () => {
  beforeEach(() => signInAs('developer'));

  it('locks Promote, Roll back and Edit split, saying why, and shows the rollout it is given above the split', async () => {
    const service = await createService('Locked split', 'locked-split');
    await addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
    const [v1] = await versionsOf(service.id);
    await publish(service.id, v1!.id, 100);
    const v2 = await newDraft(service.id);
    await publish(service.id, v2.id, 10);
    await startRollout(service.id, v2.id);

    await renderFeature(<TrafficPage scope={SCOPE} serviceId={service.id} rollout={<p>The rollout’s panel</p>} />);
    expect(await screen.findByText('The rollout’s panel')).toBeTruthy();
    const reason = 'A rollout of v2 is in progress: it moves the split by itself. To change it by hand, abort the rollout first.';
    await waitFor(() => expect(screen.getByRole('button', { name: 'Promote v2' }).hasAttribute('disabled')).toBe(true));
    for (const name of ['Promote v2', 'Roll back to v1', 'Edit split']) {
      const button = screen.getByRole('button', { name });
      expect(button.hasAttribute('disabled'), name).toBe(true);
      expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent, name).toBe(reason);
    }
  });
});
