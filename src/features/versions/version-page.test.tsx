import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEndpoint, createService, publish, versionsOf } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { VersionPage } from './version-page';

const versionUrl = (serviceId: string, versionId: string) =>
  `/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${serviceId}/versions/${versionId}`;

/** The text an element is described by (aria-describedby). */
const described = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

/** A service whose version 1 is published (live at 100%). */
async function published(slug: string) {
  const service = await createService(`Service ${slug}`, slug);
  await addEndpoint(service.id, { method: 'POST', path: '/run', summary: 'Run' });
  const [v1] = await versionsOf(service.id);
  await publish(service.id, v1!.id, 100);
  return { serviceId: service.id, v1: v1! };
}

describe('a published version’s page', () => {
  beforeEach(() => signInAs('developer'));

  it('leads on from the frozen version: New version creates the draft and opens it; then the way is to that draft', async () => {
    const { serviceId, v1 } = await published('published-leads-on');
    const { user, router, unmount } = await renderFeature(<VersionPage scope={SCOPE} serviceId={serviceId} versionId={v1.id} />);
    expect((await screen.findByRole('note')).textContent).toMatch(/^Published versions are immutable/);

    await user.click(screen.getByRole('button', { name: 'New version' }));
    await waitFor(async () => expect((await versionsOf(serviceId)).map((v) => v.status)).toContain('draft'));
    const draft = (await versionsOf(serviceId)).find((v) => v.status === 'draft')!;
    expect(draft.version).toBe(2);
    await waitFor(() => expect(router.state.location.pathname).toBe(versionUrl(serviceId, draft.id)));
    unmount();

    // Back on version 1 with the draft open: no second draft to start, a link to the one there is.
    await renderFeature(<VersionPage scope={SCOPE} serviceId={serviceId} versionId={v1.id} />);
    const open = await screen.findByRole('link', { name: 'Open draft v2' });
    expect(open.getAttribute('href')).toBe(versionUrl(serviceId, draft.id));
    expect(described(open)).toBe('One draft at a time: edit or publish v2, then start the next.');
    expect(screen.queryByRole('button', { name: 'New version' })).toBeNull();
  });

  it('tells a viewer why there is no new version for them', async () => {
    const { serviceId, v1 } = await published('published-viewer');
    await signInAs('viewer');
    await renderFeature(<VersionPage scope={SCOPE} serviceId={serviceId} versionId={v1.id} />);
    const button = await screen.findByRole('button', { name: 'New version' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(described(button)).toMatch(/viewer/i);
  });
});
