import { EditorView } from '@codemirror/view';
import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointRead } from '@/contract/versions';
import { addEndpoint, createService, endpointsOf, versionsOf } from '@/testing/arrange';
import { SCOPE, signInAs } from '@/testing/mock-platform';
import { leavesWithoutAsking, leavingAsks, renderFeature } from '@/testing/render';
import { EndpointDialog } from './endpoint-dialog';

async function draftOf(slug: string) {
  const service = await createService(`Service ${slug}`, slug);
  const [draft] = await versionsOf(service.id);
  return { service, draft: draft! };
}

/** The dialog open on a draft, adding an endpoint or editing `endpoint`; `onOpenChange` says when it closes. */
async function openDialog(
  serviceId: string,
  draftId: string,
  { endpoint = null, path }: { endpoint?: EndpointRead | null; path?: string } = {},
) {
  const onOpenChange = vi.fn();
  const view = await renderFeature(
    <EndpointDialog scope={SCOPE} serviceId={serviceId} draftId={draftId} endpoint={endpoint} open onOpenChange={onOpenChange} />,
    { path },
  );
  return { onOpenChange, ...view };
}

describe('the endpoint form', () => {
  beforeEach(() => signInAs('developer'));

  it('adds an endpoint to the draft with the schemas it starts with, and closes', async () => {
    const { service, draft } = await draftOf('with-endpoint');
    const { user, onOpenChange } = await openDialog(service.id, draft.id);
    const path = await screen.findByRole('textbox', { name: 'Path' });
    // Required by the contract, and it says so before a refusal does (the path starts filled in, with its slash).
    expect(screen.getByRole('textbox', { name: 'Summary' }).getAttribute('aria-required')).toBe('true');
    await user.clear(path);
    await user.type(path, '/summarize');
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Summarize a document');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(await endpointsOf(service.id, draft.id)).toMatchObject([
      {
        method: 'POST',
        path: '/summarize',
        summary: 'Summarize a document',
        request_schema: { type: 'object', properties: {}, required: [] },
      },
    ]);
  });

  it('checks the path before sending', async () => {
    const { service, draft } = await draftOf('bad-path');
    const { user } = await openDialog(service.id, draft.id);
    const path = await screen.findByRole('textbox', { name: 'Path' });
    await user.clear(path);
    await user.type(path, 'no-slash');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    await waitFor(() => expect(path.getAttribute('aria-invalid')).toBe('true'));
    expect(await endpointsOf(service.id, draft.id)).toEqual([]);
  });

  it('says where a schema stops being JSON as it is typed, and Tab moves on from the editor', async () => {
    const { service, draft } = await draftOf('typed-schema');
    const { user } = await openDialog(service.id, draft.id);
    const request = await screen.findByRole('textbox', { name: 'Request schema (JSON Schema)' });
    await user.click(request);
    // jsdom has no layout for CodeMirror to read typing from the DOM; replace the text as the editor would.
    const view = EditorView.findFromDOM(request)!;
    act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '{"type": oops' }, userEvent: 'input.type' }));
    const error = await screen.findByText(/^Line 1, column 10: /);
    // The editor takes its ARIA attributes in an effect after the error renders.
    await waitFor(() => expect(request.getAttribute('aria-describedby')?.split(' ')[0]).toBe(error.id));
    expect(request.getAttribute('aria-invalid')).toBe('true');

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Response schema (JSON Schema)' }));
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await endpointsOf(service.id, draft.id)).toEqual([]);
  });

  it('puts the platform’s refusal of a duplicate on the Path field', async () => {
    const { service, draft } = await draftOf('duplicate');
    await addEndpoint(service.id, { method: 'POST', path: '/run', summary: 'Run' });
    const { user } = await openDialog(service.id, draft.id);
    const path = await screen.findByRole('textbox', { name: 'Path' });
    await user.clear(path);
    await user.type(path, '/run');
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Again');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));

    expect(await screen.findByText('POST /run already exists in this version')).toBeTruthy();
    expect(path.getAttribute('aria-invalid')).toBe('true');
  });

  it('edits an endpoint with what it holds', async () => {
    const { service, draft } = await draftOf('editing');
    const endpoint = await addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
    const { user, onOpenChange } = await openDialog(service.id, draft.id, { endpoint });
    const summary = await screen.findByRole('textbox', { name: 'Summary' });
    expect(summary).toHaveProperty('value', 'Health');
    await user.clear(summary);
    await user.type(summary, 'Is it up?');
    await user.click(screen.getByRole('button', { name: 'Save endpoint' }));

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(await endpointsOf(service.id, draft.id)).toMatchObject([
      { id: endpoint.id, method: 'GET', path: '/health', summary: 'Is it up?' },
    ]);
  });

  it('asks before closing with changes not saved', async () => {
    const { service, draft } = await draftOf('discard-asks');
    const { user, onOpenChange } = await openDialog(service.id, draft.id);
    await user.type(await screen.findByRole('textbox', { name: 'Summary' }), 'Half typed');
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(onOpenChange).not.toHaveBeenCalled();
    expect((screen.getByRole('textbox', { name: 'Summary' }) as HTMLInputElement).value).toBe('Half typed');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Discard changes' }),
    );
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
  });

  it('closes, and lets the page go, without asking when nothing was changed; asks once something was', async () => {
    const { service, draft } = await draftOf('untouched-edit');
    const endpoint = await addEndpoint(service.id, {
      method: 'GET',
      path: '/health',
      summary: 'Health',
      response_schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
    });
    const { user, router, onOpenChange } = await openDialog(service.id, draft.id, { endpoint, path: '/versions' });
    expect(await screen.findByRole('textbox', { name: 'Path' })).toHaveProperty('value', '/health');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await leavesWithoutAsking(router);

    await router.navigate({ to: '/versions' as '/' });
    await user.type(await screen.findByRole('textbox', { name: 'Summary' }), ' check');
    await leavingAsks(router);
  });
});
