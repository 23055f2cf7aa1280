import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GatewayAnswer } from '@/data/invoke/call-gateway';
import { ResponseView } from './response-panel';

const answer = (over: Partial<GatewayAnswer>): GatewayAnswer => ({
  status: 200,
  statusText: 'OK',
  ok: true,
  durationMs: 12,
  servingVersion: '2',
  requestId: 'req-1',
  headers: [
    ['content-type', 'application/json'],
    ['x-request-id', 'req-1'],
  ],
  bodyText: '{"a":1}',
  json: { value: { a: 1 } },
  detail: null,
  issues: [],
  ...over,
});

describe('the gateway’s answer', () => {
  it('shows the status, time, serving version, request id, headers and the formatted body', () => {
    render(<ResponseView answer={answer({})} />);
    const summary = screen.getByLabelText('Response summary');
    expect(summary.textContent).toContain('200 OK');
    expect(summary.textContent).toContain('12 ms');
    expect(summary.textContent).toContain('Served by v2');
    expect(summary.textContent).toContain('req-1');
    expect(screen.getByText('Response headers (2)')).toBeTruthy();
    expect(screen.getByLabelText('Response body').textContent).toBe('{\n  "a": 1\n}');
  });

  it.each([
    [401, 'Unauthorized', 'Invalid token', 'The gateway did not accept the credential'],
    [404, 'Not Found', 'No endpoint GET /nope in version 2', 'The gateway found no such service, version or endpoint.'],
  ])('says what a %i means, then the platform’s words', (status, statusText, detail, meaning) => {
    render(
      <ResponseView
        answer={answer({ status, statusText, ok: false, detail, json: { value: { detail } }, bodyText: JSON.stringify({ detail }) })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(meaning);
    expect(alert.textContent).toContain(detail);
  });

  it('names the allowed methods of a 405, and each issue of a 422 at its place', () => {
    const { unmount } = render(
      <ResponseView
        answer={answer({
          status: 405,
          statusText: 'Method Not Allowed',
          ok: false,
          detail: 'Method Not Allowed',
          headers: [['allow', 'POST']],
        })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Allowed methods: POST');
    unmount();
    render(
      <ResponseView
        answer={answer({
          status: 422,
          statusText: 'Unprocessable Content',
          ok: false,
          issues: [{ loc: ['body', 'items', 0, 'name'], msg: 'Field required', type: 'missing' }],
        })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("The request does not match the endpoint's request schema.");
    expect(within(alert).getByRole('listitem').textContent).toBe('items.0.name: Field required');
  });
});
