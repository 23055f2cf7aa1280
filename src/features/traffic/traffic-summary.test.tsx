import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { canaryService } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { TrafficSummary } from './traffic-summary';

describe('the Overview’s traffic split', () => {
  beforeEach(() => signInAs('developer'));

  it('shows a canary’s split in words and as the bar, and leads to the Traffic tab', async () => {
    const service = await canaryService('Overview canary', 'overview-canary', 10);
    await renderFeature(<TrafficSummary scope={SCOPE} serviceId={service.id} />);
    const card = await screen.findByRole('region', { name: 'Traffic split' });
    expect(within(card).getByText('v1 90% · v2 10%')).toBeTruthy();
    expect(within(card).getByRole('img', { name: 'Current traffic split: v1 (draining) 90%, v2 (active) 10%' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Open Traffic' }).getAttribute('href')).toBe(
      `/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${service.id}/traffic`,
    );
  });
});
