/**
 * `Idempotency-Key` (CONTRACT §1), one implementation for every create.
 *
 * A request is identified by its user (or service token), method, path with query string (so
 * `deploy` and `deploy?build=false` differ) and key; its body by an HMAC of
 * its canonical JSON keyed by a secret that is not in the state (a bare
 * digest of a body that holds a secret — connector passwords, an agent's
 * environment values — would let anyone with the state test a guess). The first request with an identity runs; repeats
 * that arrive while it runs wait for its outcome, once it is on disk, and get
 * the same response; later repeats within 24 h replay the remembered one.
 * A repeat with another body is a 422. Only a success is remembered (as
 * Stripe does), so a rejected request can be corrected and sent again with
 * its key. An operation whose response must never be sent twice (a minted
 * token: `ShownOnce`) remembers only what it chooses, and a repeat of its key
 * gets an error instead of a replay: the same single effect, never a second
 * copy of the secret.
 */
import type { MiddlewareHandler } from 'hono';
import type { MockEnv } from './context';
import { errorReply, HttpError, issue, validationError } from './errors';
import { canonicalJson, keyedDigest, sha256 } from './hashing';
import { send, type Reply } from './replies';
import type { SpecOf } from './store';

/** A create that succeeded under an `Idempotency-Key`: what a repeat of it answers. */
export interface IdempotencyRecord {
  /** sha256 of user, method, path with query, and the key. */
  key: string;
  /** An HMAC of the canonical body under a secret kept apart from the state. */
  body_sha256: string;
  status: number;
  body: unknown;
  /** The response's headers; absent for an operation whose response is shown once (`ShownOnce`). */
  headers?: Record<string, string>;
  /** On the platform's clock (ms): the key is honoured for 24 h from then. */
  created_at: number;
}

// Core's own collection (registered by meta.ts), declared as the domains declare theirs.
declare module './store' {
  interface Collections {
    idempotency: Collection<IdempotencyRecord>;
  }
}

export const IDEMPOTENCY_COLLECTION: SpecOf<'idempotency'> = { table: 'idempotency', key: (r) => r.key };

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
export const MAX_KEY_LENGTH = 255;

/**
 * For an operation whose response must never be sent twice: what to remember
 * of a success under its key, and the error a repeat of the key gets instead.
 */
export interface ShownOnce {
  remember(body: unknown): unknown;
  repeat(remembered: unknown): HttpError;
}

/**
 * Shown once, remembering only the `field` that names what the first request
 * made (a key's id, a token's jti); a repeat gets `conflict(itsValue)`.
 */
export function shownOnce(field: string, conflict: (value: string) => HttpError): ShownOnce {
  return {
    remember: (body) => ({ [field]: (body as Record<string, string>)[field] }),
    repeat: (remembered) => conflict((remembered as Record<string, string>)[field]!),
  };
}

const otherBody = () => new HttpError(422, 'Idempotency-Key was already used with a different request body');
const missingKey = () => validationError([issue(['header', 'Idempotency-Key'], 'Field required', 'missing')]);

const isSuccess = (r: Reply) => r.status >= 200 && r.status < 300;

/** `required`: a request without the header is refused (seed 003's agent instance create). */
export function idempotency(shownOnce?: ShownOnce, { required = false }: { required?: boolean } = {}): MiddlewareHandler<MockEnv> {
  const replay = (r: Reply): Reply => {
    if (!isSuccess(r)) return r;
    if (shownOnce) throw shownOnce.repeat(r.body);
    return { ...r, headers: { ...r.headers, 'Idempotent-Replayed': 'true' } };
  };

  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const { principal, caller, store, platform } = c.var;
    // Whose key: the signed-in user, or (at the gateway) the service token.
    const owner = principal?.user.id ?? (caller?.kind === 'service-token' ? `service-token:${caller.jti}` : undefined);
    if (key === undefined && required) throw missingKey();
    if (key === undefined || owner === undefined) return next();
    if (key.length < 1 || key.length > MAX_KEY_LENGTH) {
      throw validationError([
        issue(['header', 'Idempotency-Key'], `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`, 'value_error'),
      ]);
    }
    const now = store.clock.now();
    const fresh = (r: { created_at: number }) => r.created_at >= now - IDEMPOTENCY_TTL_MS;
    store.sweep(store.idempotency, (r) => !fresh(r), now);
    const url = new URL(c.req.url);
    const id = sha256(`${owner}\n${c.req.method} ${url.pathname}${url.search}\n${key}`);
    const bodySha256 = keyedDigest(store.jwtSecret, 'idempotency-body', canonicalJson(c.var.rawBody));

    const running = platform.inflight.get(id);
    if (running) {
      if (running.bodySha256 !== bodySha256) throw otherBody();
      return send(c, replay(await running.outcome));
    }
    const prior = store.idempotency.get(id);
    if (prior && fresh(prior)) {
      if (prior.body_sha256 !== bodySha256) throw otherBody();
      return send(c, replay({ status: prior.status, body: prior.body, ...(prior.headers ? { headers: prior.headers } : {}) }));
    }

    // The first: repeats that arrive meanwhile wait for its outcome.
    let settle!: (r: Reply) => void;
    platform.inflight.set(id, { bodySha256, outcome: new Promise<Reply>((resolve) => (settle = resolve)) });
    let outcome: Reply = errorReply(undefined);
    try {
      await next();
      outcome = c.error ? errorReply(c.error) : (c.var.reply ?? outcome);
      if (isSuccess(outcome)) {
        const body = shownOnce ? shownOnce.remember(outcome.body) : outcome.body;
        const headers = shownOnce ? undefined : outcome.headers;
        outcome = { status: outcome.status, body, ...(headers ? { headers } : {}) };
        store.idempotency.put({
          key: id,
          body_sha256: bodySha256,
          status: outcome.status,
          body,
          ...(headers ? { headers } : {}),
          created_at: store.clock.now(),
        });
      }
    } finally {
      // Written with the request's transaction; repeats learn the outcome only once it is on disk.
      const settled = outcome;
      store.afterCommit((ok) => {
        platform.inflight.delete(id);
        settle(ok ? settled : errorReply(undefined));
      });
    }
  };
}
