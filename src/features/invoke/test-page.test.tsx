import { EditorView } from '@codemirror/view';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonSchema } from '@/contract/json-schema';
import { addEndpoint, createService, publish, versionsOf } from '@/testing/arrange';
import { SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { TestPage } from './test-page';

const textSchema: JsonSchema = { type: 'object', properties: { text: { type: 'string', example: 'Hello there' } }, required: ['text'] };

async function publishedService(slug: string) {
  const service = await createService(`Test ${slug}`, slug);
  await addEndpoint(service.id, {
    method: 'POST',
    path: '/summarize',
    summary: 'Summarize a text',
    request_schema: textSchema,
    response_schema: { type: 'object', properties: { summary: { type: 'string' } } },
  });
  const [v1] = await versionsOf(service.id);
  await publish(service.id, v1!.id, 100);
  return service;
}

const render = (serviceId: string) => renderFeature(<TestPage scope={SCOPE} serviceId={serviceId} />);

/** jsdom has no layout for CodeMirror to read typing from; replace the text as the editor would. */
function typeInto(editor: HTMLElement, text: string) {
  const view = EditorView.findFromDOM(editor)!;
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' }));
}

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the Test tab’s request form', () => {
  beforeEach(() => signInAs('developer'));

  it('prefills the body from the request schema, flags a body that breaks it as typed, and sends the call', async () => {
    const service = await publishedService('form-send');
    const { user } = await render(service.id);
    const body = await screen.findByRole('textbox', { name: 'Request body' });
    await waitFor(() => expect(body.textContent).toContain('Hello there'));

    typeInto(body, '{"text": 1}');
    expect(await screen.findByText('Does not match the request schema: text: Should be a string, not an integer')).toBeTruthy();
    typeInto(body, '{"text": oops');
    expect(await screen.findByText(/^Line 1, column/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('The body is not JSON yet.')).toBeTruthy();

    // The mock's schema check runs in worker threads, which jsdom cannot start: answer as the gateway does (the e2e calls the real one).
    let sent: unknown = null;
    server.use(
      http.post(`*/orgs/${SCOPE.orgId}/services/${service.id}/summarize`, async ({ request }) => {
        sent = { body: await request.json(), authorization: request.headers.get('Authorization') };
        return HttpResponse.json({ summary: 'short' }, { headers: { 'X-Service-Version': '1', 'X-Request-Id': 'req-1' } });
      }),
    );
    typeInto(body, '{"text": "a fine text"}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(false));
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const response = screen.getByRole('region', { name: 'Response' });
    expect(await within(response).findByText('200 OK')).toBeTruthy();
    // The answer is said once, briefly, and brought into view (on a phone it lands below the form); Send keeps the focus.
    expect(within(response).getByRole('status').textContent).toMatch(/^Response: 200 OK in \d+ ms, served by v1\.$/);
    expect(scrolled.mock.contexts).toContain(response);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send' }));
    expect(within(response).getByText('v1')).toBeTruthy();
    expect(within(response).getByLabelText('Response body').textContent).toContain('"summary": "short"');
    // The request id leads to its record in Logs.
    const record = within(response).getByRole('link', { name: 'req-1' });
    expect(record.getAttribute('href')).toBe(
      `/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${service.id}/logs?search=req-1&request=req-1`,
    );
    expect(sent).toEqual({ body: { text: 'a fine text' }, authorization: expect.stringMatching(/^Bearer .+/) });
  });

  it('tells a viewer that the gateway lets them call GET endpoints only', async () => {
    const service = await publishedService('form-viewer');
    await signInAs('viewer');
    await render(service.id);
    expect(await screen.findByText(/Your role \(viewer\) may call GET endpoints only through the gateway/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the Jobs panel as not available on a platform without the jobs API', async () => {
    const service = await publishedService('form-no-jobs');
    localStorage.setItem(`hs.jobs.${service.id}`, JSON.stringify(['job-1']));
    server.use(http.post('*/jobs/batch', () => HttpResponse.json({ detail: 'Not Found' }, { status: 404 })));
    await render(service.id);
    expect(await screen.findByRole('heading', { name: 'Async jobs are not available on this platform' }, { timeout: 5000 })).toBeTruthy();
  });

  it('says what to do when nothing is published', async () => {
    const service = await createService('Test unpublished', 'form-unpublished');
    await render(service.id);
    expect(await screen.findByText('Publish a version first: the gateway calls a service’s published versions.')).toBeTruthy();
  });
});
