import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { paths } from '@/contract/paths';
import { HostedService } from '@/contract/services';
import { createService } from '@/testing/arrange';
import { callPlatform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { ServiceActivity } from './service-activity';

describe('the activity timeline', () => {
  beforeEach(() => signInAs('developer'));

  it('shows who did what, newest first', async () => {
    const service = await createService('Timeline', 'timeline-component');
    await renderFeature(<ServiceActivity scope={SCOPE} serviceId={service.id} />);
    const timeline = await screen.findByRole('list', { name: 'Activity, newest first' });
    const [first] = within(timeline).getAllByRole('listitem');
    expect(first!.textContent).toContain('Created Timeline (invocation), with version 1 as a draft');
    expect(first!.textContent).toContain('developer@example.com');
  });

  it('reads a page more at “Show older activity”, offered only while the platform holds more', async () => {
    const service = await createService('Long timeline', 'long-timeline-component');
    // Created, then ten changes: eleven entries, one more than a page.
    for (let i = 1; i <= 10; i++) {
      await callPlatform('developer', 'PUT', paths.service(SCOPE, service.id), { description: `Change ${i}` }, HostedService);
    }
    const { user } = await renderFeature(<ServiceActivity scope={SCOPE} serviceId={service.id} />);
    const entries = () => within(screen.getByRole('list', { name: 'Activity, newest first' })).getAllByRole('listitem');
    await waitFor(() => expect(entries()).toHaveLength(10));
    await user.click(screen.getByRole('button', { name: 'Show older activity' }));
    await waitFor(() => expect(entries()).toHaveLength(11));
    expect(entries().at(-1)!.textContent).toContain('Created Long timeline');
    expect(screen.queryByRole('button', { name: 'Show older activity' })).toBeNull();
    // The button is gone: focus is on the first entry it brought, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(entries()[10]));
  });

  it('says so in one sentence on a platform without it', async () => {
    const service = await createService('No timeline', 'no-timeline-component');
    server.use(http.get(`*/api/v1${paths.activity(SCOPE, service.id)}`, () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    await renderFeature(<ServiceActivity scope={SCOPE} serviceId={service.id} />);
    expect(await screen.findByText('This platform keeps no activity for services.')).toBeTruthy();
  });
});
