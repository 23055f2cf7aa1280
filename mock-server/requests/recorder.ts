/**
 * Recording the gateway's calls (CONTRACT §12): `recordCall` is middleware
 * around each operation that is a call to a service — the sync gateway (and
 * its pinned form) and async submits (operations.ts `around`, outermost) — so
 * it sees every answer, whatever it is: a 401 before the caller is known, a
 * 403, a 404 for an unknown version or endpoint, a 405, 413, 415, 422, an
 * asked-for status (`X-Mock-Status`), a 500.
 *
 * It names the call first (`X-Request-Id`: the caller's own when it is short,
 * plain and not already the name of a call to this service, else a new
 * UUID), and once the answer is settled — after the unit of work commits, so
 * a change that could not be saved is recorded as the 500 it became — hands
 * the request log one record: which version answered (`X-Service-Version`,
 * null when none was chosen), the endpoint's path template (or the path as
 * called), the status, how long it took, and what kind of caller it was.
 * Never a body, a header's value, a query string or a token. Recording costs
 * the request a buffer push (requests/log.ts writes in batches).
 *
 * A call to a service that does not exist, or not in the organization of the
 * path, is in no one's log: there is no service whose log could show it.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { GATEWAY_HEADERS } from '../../src/contract/invoke';
import type { CallerKind } from '../../src/contract/requests';
import { API_KEY_SESSION } from '../api-keys/rules';
import type { GatewayCaller, MockEnv } from '../core/context';

/** A request id the caller sent is echoed if it is short and plain; otherwise the gateway makes one. */
const PLAIN_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** A path as called is kept up to this length (a template is short). */
const PATH_MAX = 1000;

/** What the handler learnt that the answer does not say: the endpoint matched, the job made. */
interface Note {
  template?: string;
  jobId?: string;
}
const notes = new WeakMap<Request, Note>();

function note(c: Context, what: Note): void {
  notes.set(c.req.raw, { ...notes.get(c.req.raw), ...what });
}

/** The call matched this endpoint (its path template), whatever the answer turns out to be. */
export const noteEndpoint = (c: Context, template: string) => note(c, { template });
/** The call made this job (an async submit). */
export const noteJob = (c: Context, jobId: string) => note(c, { jobId });

/** The caller, by kind: a user session opened with an API key is `api_key`; no identified caller is `anonymous`. */
export function callerKind(caller: GatewayCaller | undefined): CallerKind {
  if (!caller) return 'anonymous';
  if (caller.kind === 'service-token') return 'service_token';
  return caller.principal.sid.startsWith(API_KEY_SESSION) ? 'api_key' : 'user';
}

/** Name a call in `X-Request-Id` (for operations of the gateway that are not recorded: a job's status, a batch, a cancel). */
export const nameCall: MiddlewareHandler<MockEnv> = async (c, next) => {
  const sent = c.req.header('x-request-id');
  c.header(GATEWAY_HEADERS.requestId, sent !== undefined && PLAIN_REQUEST_ID.test(sent) ? sent : randomUUID());
  await next();
};

export interface RecordOptions {
  /** An async submit. */
  async: boolean;
  /** The path as called, from the request's path (without the pin `v{N}/`), decoded. */
  calledPath: (requestPath: string) => string;
}

/** Around an operation that calls a service: name it, and record it once answered. */
export function recordCall(options: RecordOptions): MiddlewareHandler<MockEnv> {
  return async (c, next) => {
    const { store, platform } = c.var;
    const t0 = platform.wall.now();
    // Nothing could read the log on a platform without it (the documented profile), or with recording off (the bench).
    if (!platform.settings.recordRequests || platform.profile === 'documented') return nameCall(c, next);
    const log = store.requestLog;
    const found = store.services.get(c.req.param('service_id') ?? '');
    const service = found && found.org_id === c.req.param('org_id') ? found : undefined;
    const sent = c.req.header('x-request-id');
    const plain = sent !== undefined && PLAIN_REQUEST_ID.test(sent) ? sent : undefined;
    // The caller's own id names at most one call of a service: the log can then find it, and page by it.
    const claimed = plain !== undefined && service !== undefined && log.claim(service.id, plain);
    const id = plain !== undefined && (claimed || !service) ? plain : randomUUID();
    c.header(GATEWAY_HEADERS.requestId, id);
    try {
      await next();
    } finally {
      if (service) {
        const res = c.res;
        const n = notes.get(c.req.raw);
        const version = Number(res.headers.get(GATEWAY_HEADERS.version));
        const path = n?.template ?? options.calledPath(c.req.path);
        const answered = res.status;
        store.afterCommit((ok) => {
          log.record({
            id,
            service_id: service.id,
            workspace_id: service.workspace_id,
            version: Number.isInteger(version) && version >= 1 ? version : null,
            method: c.req.method,
            path: path.length > PATH_MAX ? `${path.slice(0, PATH_MAX - 1)}…` : path,
            templated: n?.template !== undefined,
            // The unit of work commits after this: a change that could not be saved is answered (and recorded) as a 500.
            status: ok ? answered : 500,
            duration_ms: Math.round((platform.wall.now() - t0) * 1000) / 1000,
            caller: callerKind(c.var.caller),
            async: options.async,
            // A replayed submit (Idempotency-Key) runs no handler: its job is where its Location points.
            job_id: n?.jobId ?? (options.async && answered === 202 ? (res.headers.get('Location')?.split('/').pop() ?? null) : null),
          });
          if (claimed) log.release(service.id, id);
        });
      }
    }
  };
}
