/**
 * What the mock prints is escaped first: a request path is the caller's text,
 * and a `%0a` in it (Hono decodes paths) must not start a forged log line.
 */

/**
 * One line, printable: control characters (newlines, escape sequences), format
 * characters (bidi overrides, zero-width), line and paragraph separators, lone
 * surrogates and backslashes become `\n`, `\x1b`, `\u202e`, `\\`…
 */
export function escapeForLog(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\\]/gu, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** An error for the console: its message escaped on one line, then its stack frames (which hold only source positions). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return escapeForLog(String(err));
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return [`${err.name}: ${escapeForLog(err.message)}`, ...frames.map((l) => escapeForLog(l))].join('\n');
}
