import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { canaryService, startRollout, versionsOf } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { RolloutSummary } from './rollout-summary';

describe('the Overview’s rollout line', () => {
  beforeEach(() => signInAs('developer'));

  it('says where a running rollout stands', async () => {
    const service = await canaryService('Overview rollout', 'overview-rollout', 10);
    const v2 = (await versionsOf(service.id)).find((v) => v.version === 2)!;
    await startRollout(service.id, v2.id);
    await renderFeature(<RolloutSummary scope={SCOPE} serviceId={service.id} />);
    const state = await screen.findByRole('status');
    expect(state.textContent).toContain('rollout running');
    expect(state.textContent).toContain('Running: v2 is at step 1 of 2 (10%).');
  });
});
