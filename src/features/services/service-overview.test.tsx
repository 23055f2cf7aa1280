import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createService } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { ServiceOverview } from './service-overview';

describe('a service’s overview', () => {
  beforeEach(() => signInAs('developer'));

  it('leads from its draft to the Versions tab, where the draft’s endpoints are edited', async () => {
    const service = await createService('Overview draft', 'overview-draft');
    await renderFeature(<ServiceOverview scope={SCOPE} serviceId={service.id} />);
    const facts = await screen.findByLabelText('Service overview');
    const draft = within(facts).getByRole('link', { name: 'v1 draft' });
    expect(draft.getAttribute('href')).toBe(`/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${service.id}/versions`);
  });
});
