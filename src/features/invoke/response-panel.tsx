import { useEffect, useState } from 'react';
import type { Scope } from '@/contract/paths';
import type { GatewayAnswer } from '@/data/invoke/call-gateway';
import { fieldName } from '@/lib/api-error';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { RequestLogLink } from './request-log-link';

/** What each refusal of the gateway means, in a sentence, before the platform's own words. */
const MEANING: Record<number, string> = {
  401: 'The gateway did not accept the credential: it is missing, invalid, expired or revoked.',
  403: 'The credential may not make this call.',
  404: 'The gateway found no such service, version or endpoint.',
  405: 'The endpoint exists, but not with this method.',
  409: 'The service cannot take calls yet.',
  413: 'The request is too large for the gateway.',
  415: 'The gateway takes JSON bodies only.',
  422: "The request does not match the endpoint's request schema.",
  429: 'Too many calls: wait a moment and try again.',
};

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(t);
  }, []);
  return <>{((now - since) / 1000).toFixed(1)} s</>;
}

/** The call in flight: how long it has waited, and a way to stop waiting. */
export function WaitingForAnswer({ since, label, onAbort }: { since: number; label: string; onAbort: () => void }) {
  return (
    <div className="invoke-waiting" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>
        {label}{' '}
        <span className="muted">
          <Elapsed since={since} />
        </span>
      </span>
      <Button size="sm" variant="ghost" onClick={onAbort}>
        Stop waiting
      </Button>
    </div>
  );
}

/** The gateway's refusal made readable: what it means, then the platform's words (a 422's issues each at its place). */
export function RefusalText({ answer }: { answer: GatewayAnswer }) {
  const allow = answer.headers.find(([name]) => name.toLowerCase() === 'allow')?.[1];
  return (
    <div className="form-alert" role="alert">
      <p>{MEANING[answer.status] ?? `The call failed with status ${answer.status}.`}</p>
      {answer.detail && <p>{answer.detail}</p>}
      {answer.issues.length > 0 && (
        <ul className="invoke-issues">
          {answer.issues.map((issue, i) => (
            <li key={i}>
              <span className="mono">{fieldName(issue.loc) ?? issue.loc[0] ?? 'request'}</span>: {issue.msg}
            </li>
          ))}
        </ul>
      )}
      {answer.status === 405 && allow && <p>Allowed methods: {allow}</p>}
    </div>
  );
}

/** The answer: status, time taken, serving version, request id (a link to its record in Logs, given `logs`), headers and the formatted body. */
export function ResponseView({ answer, logs }: { answer: GatewayAnswer; logs?: { scope: Scope; serviceId: string } }) {
  const body = answer.json ? JSON.stringify(answer.json.value, null, 2) : answer.bodyText;
  return (
    <div className="stack invoke-answer">
      <p className="invoke-status-line" aria-label="Response summary">
        <Badge tone={answer.ok ? 'success' : answer.status >= 500 ? 'danger' : 'warning'}>
          <span aria-label="Status">{`${answer.status} ${answer.statusText}`.trim()}</span>
        </Badge>
        <span>
          <span className="muted">Time</span> {answer.durationMs} ms
        </span>
        <span>
          <span className="muted">Served by</span>{' '}
          {answer.servingVersion ? `v${answer.servingVersion}` : <span className="muted">not said</span>}
        </span>
        {answer.requestId && (
          <span className="break-anywhere">
            <span className="muted">Request ID</span>{' '}
            {logs ? (
              <RequestLogLink scope={logs.scope} serviceId={logs.serviceId} requestId={answer.requestId}>
                <span className="mono">{answer.requestId}</span>
              </RequestLogLink>
            ) : (
              <span className="mono">{answer.requestId}</span>
            )}
          </span>
        )}
      </p>
      {!answer.ok && <RefusalText answer={answer} />}
      <details className="invoke-headers">
        <summary>Response headers ({answer.headers.length})</summary>
        <dl>
          {answer.headers.map(([name, value]) => (
            <div key={name}>
              <dt className="mono">{name}</dt>
              <dd className="mono break-anywhere">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      {body === '' ? (
        <p className="muted">No body.</p>
      ) : (
        <pre className="invoke-code" aria-label="Response body" tabIndex={0}>
          {body}
        </pre>
      )}
    </div>
  );
}
