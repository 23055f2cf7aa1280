/**
 * Reading a JSON request body: the text is parsed only if it is nested at most
 * `MAX_JSON_DEPTH` deep, so a hostile body (claims nested 100,000 deep) is a
 * quick 422 and never reaches a recursive step (canonical JSON, signing,
 * schema checks) that would overflow the stack.
 */
import { issue, validationError } from './errors';

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
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) {
    throw validationError([issue(['body'], `JSON is nested more than ${maxDepth} levels deep`, 'value_error')]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    throw validationError([issue(['body'], at === undefined ? 'JSON decode error' : `JSON decode error at position ${at}`, 'json_invalid')]);
  }
}

/** The media type of a Content-Type header, lowercased, without parameters ('' when there is none). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** `application/json` and the `+json` types (`application/problem+json`, `application/merge-patch+json`…). */
export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
