/**
 * Reading a request body, once, the one way every operation but a GET does
 * (operations.ts; the gateway and job submits too): at most the operation's
 * limit of bytes (413 beyond, said by Content-Length or found while reading,
 * which then stops), JSON only (415 for a body of another type), and, for an
 * operation that takes a body, parsed only if it is nested at most
 * `MAX_JSON_DEPTH` deep, so a hostile body (claims nested 100,000 deep) is a
 * quick 422 and never reaches a recursive step (canonical JSON, signing,
 * schema checks) that would overflow the stack. A parse error gives the
 * position only, never the text: V8's message can quote the body.
 */
import { HttpError, issue, validationError } from './errors';

/** How much of a body an operation reads, and what a longer one is told (413). */
export interface BodyLimit {
  bytes: number;
  detail: string;
}

/** The platform's limit, for every operation that does not state its own. */
export const BODY_LIMIT: BodyLimit = { bytes: 1024 * 1024, detail: 'Request body too large' };

/** Objects and arrays inside one another, at most. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects and arrays in a JSON text, stopping early once past `limit`. Linear, no recursion. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return deepest;
}

/**
 * Parse a request body's JSON text, or throw the 422 that says why not:
 * nested too deeply, or not JSON (with the position only: V8's message can
 * quote part of the body, which may be a secret).
 */
function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) {
    throw validationError([issue(['body'], `JSON is nested more than ${maxDepth} levels deep`, 'value_error')]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    throw validationError([
      issue(['body'], at === undefined ? 'JSON decode error' : `JSON decode error at position ${at}`, 'json_invalid'),
    ]);
  }
}

/** The media type of a Content-Type header, lowercased, without parameters ('' when there is none). */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** `application/json` and the `+json` types (`application/problem+json`, `application/merge-patch+json`…). */
function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The body's bytes, at most `limit.bytes` of them: a 413 as soon as there are more (the rest is never read). */
async function readBytes(req: Request, limit: BodyLimit): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, limit.detail);
  if (!req.body) return new Uint8Array(0);
  if (Number(req.headers.get('content-length')) > limit.bytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > limit.bytes) throw tooLarge();
      chunks.push(r.value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * A request's body, read once: `undefined` when there is none (or only
 * whitespace), else its JSON — a 413 over `limit`, a 415 when its
 * Content-Type is not JSON, a 422 when it is nested too deeply or is not
 * JSON. `parse: false` (an operation that takes no body) checks the size and
 * the type only, and returns undefined.
 */
export async function readJsonBody(req: Request, limit: BodyLimit, parse: boolean): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(req, limit));
  if (text.trim() === '') return undefined;
  const type = mediaType(req.headers.get('content-type') ?? undefined);
  if (!isJsonMediaType(type)) {
    throw new HttpError(
      415,
      type
        ? `Unsupported Media Type: the body must be application/json, not ${type.slice(0, 100)}`
        : 'Unsupported Media Type: a request body needs Content-Type: application/json',
    );
  }
  return parse ? parseJsonBody(text) : undefined;
}
