import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addEndpoint, createService, endpointsOf, newDraft, publish, versionsOf } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { PublishDialog } from './publish-dialog';

/** A service whose draft has one endpoint; with `published`, version 1 is live and version 2 is the draft. */
async function arrange(slug: string, { published }: { published: boolean }) {
  const service = await createService(`Service ${slug}`, slug);
  await addEndpoint(service.id, { method: 'POST', path: '/run', summary: 'Run' });
  if (published) {
    const [v1] = await versionsOf(service.id);
    await publish(service.id, v1!.id, 100);
    await newDraft(service.id);
  }
  const versions = await versionsOf(service.id);
  const draft = versions.find((v) => v.status === 'draft')!;
  return { serviceId: service.id, draft, versions, endpoints: await endpointsOf(service.id, draft.id) };
}

/** The dialog open on the arranged draft. */
async function renderPublish(arranged: Awaited<ReturnType<typeof arrange>>, onOpenChange = vi.fn()) {
  const view = await renderFeature(<PublishDialog scope={SCOPE} {...arranged} open onOpenChange={onOpenChange} />);
  const setShare = async (text: string) => {
    const percent = await screen.findByRole('spinbutton', { name: 'Traffic percent' });
    await view.user.clear(percent);
    await view.user.type(percent, text);
  };
  return { ...view, onOpenChange, setShare };
}

describe('the publish form', () => {
  beforeEach(() => signInAs('developer'));

  it('publishes only once the user confirms it is irreversible, then closes', async () => {
    const arranged = await arrange('first-publish', { published: false });
    const { user, onOpenChange } = await renderPublish(arranged);
    const confirm = await screen.findByRole('button', { name: 'Publish version 1' });
    expect(screen.getByText(/This is the first publish/)).toBeTruthy();
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /I understand that publishing is irreversible/ }));
    await user.click(confirm);

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect((await versionsOf(arranged.serviceId)).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([[1, 'active', 100]]);
  });

  it('previews a canary split and publishes it', async () => {
    const arranged = await arrange('canary', { published: true });
    const { user, setShare } = await renderPublish(arranged);
    await setShare('20');
    expect(screen.getByRole('img', { name: 'version 2: 20%, version 1: 80%' })).toBeTruthy();
    expect(screen.getByText(/becomes draining/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /I understand/ }));
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));

    await waitFor(async () =>
      expect((await versionsOf(arranged.serviceId)).map((v) => [v.version, v.status, v.traffic_percent])).toEqual([
        [2, 'active', 20],
        [1, 'draining', 80],
      ]),
    );
  });

  it('refuses a share out of range before sending', async () => {
    const arranged = await arrange('bad-share', { published: true });
    const { user, setShare } = await renderPublish(arranged);
    await setShare('0');
    expect(await screen.findByText('Traffic must be a whole number from 1 to 100.')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /I understand/ }));
    expect(screen.getByRole('button', { name: 'Publish version 2' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the platform’s refusal when the version was published meanwhile', async () => {
    const arranged = await arrange('twice', { published: false });
    const { user, onOpenChange } = await renderPublish(arranged);
    await publish(arranged.serviceId, arranged.draft.id, 100);
    await user.click(await screen.findByRole('checkbox', { name: /I understand/ }));
    await user.click(screen.getByRole('button', { name: 'Publish version 1' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/Version 1 is already published/);
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('warns before publishing a version with no endpoint changes against the active one', async () => {
    const arranged = await arrange('unchanged', { published: true });
    await renderPublish(arranged);
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toMatch(/^No endpoint changes: version 2's endpoints are the same as version 1's \(active\)/);
    // Drawn as a warning (amber), not as a refusal (red): the publish is still offered.
    expect(warning.classList.contains('publish-warning')).toBe(true);
  });

  it('gives no such warning when the draft changes something', async () => {
    const arranged = await arrange('changed', { published: true });
    await addEndpoint(arranged.serviceId, { method: 'GET', path: '/health', summary: 'Health' });
    await renderPublish({ ...arranged, endpoints: await endpointsOf(arranged.serviceId, arranged.draft.id) });
    expect(await screen.findByText(/GET \/health/)).toBeTruthy();
    expect(screen.queryByText(/No endpoint changes/)).toBeNull();
  });
});
