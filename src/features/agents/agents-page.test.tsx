import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { agentKeys } from '@/data/agents/keys';
import { AGENTS, SCOPE, signInAs } from '@/testing/mock-platform';
import { cachedText, renderFeature } from '@/testing/render';
import { AgentsPage } from './agents-page';

describe('the agent services page', () => {
  beforeEach(() => signInAs('developer'));

  it('lists each deployment’s instances with their status in words', async () => {
    await renderFeature(<AgentsPage scope={SCOPE} />);
    const support = await screen.findByRole('region', { name: 'Support triage' }, { timeout: 5000 });
    expect(within(support).getByText(/Current version: v2 · Adds refund policy tool/)).toBeTruthy();
    const running = (await within(support).findByRole('rowheader', { name: new RegExp(AGENTS.runningInstance) })).closest('tr')!;
    expect(within(running).getByText('Ready')).toBeTruthy();
    expect(within(running).getByText(/Answering its health checks/)).toBeTruthy();
    const stopped = within(support)
      .getByRole('rowheader', { name: new RegExp(AGENTS.stoppedInstance) })
      .closest('tr')!;
    expect(within(stopped).getByText('Stopped')).toBeTruthy();
    expect(within(stopped).queryByRole('button', { name: /^Stop / })).toBeNull();
    // It will never have a URL again: no Show URL that could never work.
    expect(within(stopped).queryByRole('button', { name: `Show the public URL of ${AGENTS.stoppedInstance}` })).toBeNull();
    const research = screen.getByRole('region', { name: 'Research assistant' });
    expect(await within(research).findByText('No instances yet')).toBeTruthy();
  });

  it('shows the public URL only when asked, with a copy button, and forgets it when the dialog closes', async () => {
    const { user, queryClient } = await renderFeature(<AgentsPage scope={SCOPE} />);
    const show = await screen.findByRole('button', { name: `Show the public URL of ${AGENTS.runningInstance}` });
    // Not in the page, nor in the list's cache, before it is asked for.
    expect(document.body.textContent).not.toContain('edge_token');
    expect(cachedText(queryClient)).not.toContain('edge_token');
    await user.click(show);
    const dialog = await screen.findByRole('dialog', { name: `Public URL of ${AGENTS.runningInstance}` });
    const field = (await within(dialog).findByRole('textbox', { name: 'Public URL' })) as HTMLInputElement;
    expect(field.value).toMatch(/^https:\/\/.+\?edge_token=et_/);
    await user.click(within(dialog).getByRole('button', { name: 'Copy URL' }));
    // user-event stands in for the clipboard.
    expect(await navigator.clipboard.readText()).toBe(field.value);
    expect(within(dialog).getByRole('status').textContent).toBe('Copied to the clipboard.');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.innerHTML).not.toContain('edge_token');
    await waitFor(() =>
      expect(
        queryClient.getQueryCache().find({ queryKey: agentKeys.publicUrl(SCOPE.orgId, AGENTS.supportTriage, AGENTS.runningInstance) }),
      ).toBeUndefined(),
    );
    expect(cachedText(queryClient)).not.toContain('edge_token');
  });

  it('stops an instance after asking, and follows it to stopping', async () => {
    const { user } = await renderFeature(<AgentsPage scope={SCOPE} />);
    await user.click(await screen.findByRole('button', { name: `Stop ${AGENTS.runningInstance}` }));
    const confirm = await screen.findByRole('alertdialog', { name: `Stop ${AGENTS.runningInstance}?` });
    await user.click(within(confirm).getByRole('button', { name: 'Stop instance' }));
    const row = (await screen.findByRole('rowheader', { name: new RegExp(AGENTS.runningInstance) })).closest('tr')!;
    await waitFor(() => expect(within(row).getByText('Stopping')).toBeTruthy());
    expect(within(row).queryByRole('button', { name: `Stop ${AGENTS.runningInstance}` })).toBeNull();
  });

  it('is read-only for a viewer', async () => {
    await signInAs('viewer');
    await renderFeature(<AgentsPage scope={SCOPE} />);
    expect(await screen.findByText(/Your role \(viewer\) cannot do this/)).toBeTruthy();
    await screen.findByRole('region', { name: 'Support triage' });
    expect(screen.queryByRole('button', { name: /New instance/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Stop / })).toBeNull();
  });
});
