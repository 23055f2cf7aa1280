/**
 * A call from the Test tab as the code a user writes next: curl, Python with
 * the platform's CLIClient (seed 004), TypeScript with the version's generated
 * stub. Each runs as copied, with a placeholder where the token goes. User
 * text (paths, parameters, bodies) is always a quoted literal of the target
 * language, never code.
 */
import type { VersionChoice } from '@/data/invoke/gateway-url';
import { pyStr } from '@/contract/code-literals';

export type SnippetCall = {
  /** The platform's API base, absolute: `https://host/api/v1`. */
  apiBase: string;
  orgId: string;
  serviceId: string;
  method: string;
  /** The endpoint's path template, e.g. `/documents/{document_id}`. */
  template: string;
  /** Path parameter values as typed (not yet encoded). */
  pathParams: Record<string, string>;
  /** The path with its parameters filled in and encoded. */
  path: string;
  /** Query parameters, with their values as the schema reads them (numbers, booleans). */
  query: [string, unknown][];
  /** The JSON body, or undefined for none (GET, DELETE). */
  body: unknown;
  version: VersionChoice;
};

export const TOKEN_VARIABLE = 'FLOW_TOKEN';
export const TOKEN_PLACEHOLDER = '<YOUR_TOKEN>';

// ---- curl ---------------------------------------------------------------------

/** A POSIX shell word: single-quoted, a quote inside closed, escaped and reopened. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const queryText = (query: [string, unknown][]) =>
  query.length ? `?${new URLSearchParams(query.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()}` : '';

export function callUrl(call: SnippetCall): string {
  const pin = call.version.kind === 'pinned' ? `/v${call.version.version}` : '';
  return `${call.apiBase}/orgs/${encodeURIComponent(call.orgId)}/services/${encodeURIComponent(call.serviceId)}${pin}${call.path}${queryText(call.query)}`;
}

export function curlSnippet(call: SnippetCall): string {
  const lines = [
    `# ${TOKEN_VARIABLE}: your access token (what flow-sdk login stores) or a service token of this service.`,
    `curl -sS${call.method === 'GET' ? '' : ` -X ${call.method}`} ${shellQuote(callUrl(call))} \\`,
    `  -H "Authorization: Bearer $${TOKEN_VARIABLE}"`,
  ];
  if (call.body !== undefined) {
    lines[lines.length - 1] += ' \\';
    lines.push(`  -H 'Content-Type: application/json' \\`, `  --data-raw ${shellQuote(JSON.stringify(call.body))}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- Python (CLIClient, seed 004) ----------------------------------------------

/** A JSON value as a Python literal (`True`, `None`, dicts and lists), indented from `indent` when long. */
export function pyLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pyStr(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = `[${value.map((v) => pyLiteral(v)).join(', ')}]`;
    if (flat.length <= 60 && !flat.includes('\n')) return flat;
    return `[\n${value.map((v) => `${inner}${pyLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const flat = `{${entries.map(([k, v]) => `${pyStr(k)}: ${pyLiteral(v)}`).join(', ')}}`;
    if (flat.length <= 60 && !flat.includes('\n')) return flat;
    return `{\n${entries.map(([k, v]) => `${inner}${pyStr(k)}: ${pyLiteral(v, inner)},`).join('\n')}\n${indent}}`;
  }
  return 'None';
}

export function pythonSnippet(call: SnippetCall): string {
  const args = [`service_id=${pyStr(call.serviceId)}`, `method=${pyStr(call.method)}`, `path=${pyStr(call.path)}`];
  if (call.body !== undefined) args.push(`body=${pyLiteral(call.body, '    ')}`);
  if (call.query.length)
    args.push(
      `query=${pyLiteral(Object.fromEntries(call.query.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), '    ')}`,
    );
  if (call.version.kind === 'pinned') args.push(`version=${call.version.version}`);
  return [
    'from flow_sdk.config import load_config',
    'from flow_sdk.cli_client import CLIClient',
    '',
    '# Run `flow-sdk login` first: CLIClient calls with the access token it stores.',
    'config = load_config()',
    'client = CLIClient(config)',
    'result = client.invoke_service(',
    ...args.map((a) => `    ${a},`),
    ')',
    'print(result)',
    '',
  ].join('\n');
}

// ---- TypeScript (the version's generated stub) -------------------------------------

/** A TypeScript string literal, ASCII only (so no line terminator can hide in it). */
export const tsStr = (s: string) => asciiOnly(JSON.stringify(s));
const asciiOnly = (json: string) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A JSON value as a TypeScript expression, indented from `indent`. */
export const tsLiteral = (value: unknown, indent = '') =>
  asciiOnly(JSON.stringify(value, null, 2) ?? 'undefined').replace(/\n/g, `\n${indent}`);

export type StubMethod = { className: string; method: string; args: string[] };

/** Split `a: string, body?: Record<string, X>` at its top-level commas and keep the names. */
function argNames(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if ('<({['.includes(ch)) depth++;
    if ('>)}]'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((a) => a.trim().replace(/\??:.*$/s, ''));
}

/**
 * The client class and the method the generated TypeScript stub has for
 * `method path`: each method follows a one-line doc comment that starts with
 * `METHOD path:`. Null when the stub has none (another generator).
 */
export function findStubMethod(stub: string, method: string, path: string): StubMethod | null {
  const className = /^export class (\w+) \{$/m.exec(stub)?.[1];
  if (!className) return null;
  const lines = stub.split('\n');
  const at = lines.findIndex((l) => l.trim().startsWith(`/** ${method} ${path}:`));
  const signature = at >= 0 ? /^\s*async (\w+)\((.*)\): Promise</.exec(lines[at + 1] ?? '') : null;
  if (!signature) return null;
  return { className, method: signature[1]!, args: signature[2]!.trim() ? argNames(signature[2]!) : [] };
}

export function typescriptSnippet(call: SnippetCall, stub: StubMethod, version: number): string {
  const values = call.template.match(/\{([^{}/]+)\}/g)?.map((m) => call.pathParams[m.slice(1, -1)] ?? '') ?? [];
  let next = 0;
  const args = stub.args.map((name) => {
    if (name === 'body') return tsLiteral(call.body ?? {});
    if (name === 'query') return tsLiteral(Object.fromEntries(call.query));
    return tsStr(values[next++] ?? '');
  });
  const baseUrl = call.apiBase.replace(/\/api\/v1$/, '');
  return [
    `// ./client.ts is v${version}'s generated TypeScript stub (Stubs tab: TypeScript, v${version}, Download).`,
    `import { ${stub.className} } from "./client";`,
    '',
    `const client = new ${stub.className}({`,
    `  baseUrl: ${tsStr(baseUrl)},`,
    `  token: ${tsStr(TOKEN_PLACEHOLDER)}, // your access token or a service token of this service`,
    call.version.kind === 'pinned'
      ? '  pinVersion: true,'
      : '  // pinVersion: true would call this version only; without it the traffic split picks one.',
    '});',
    '',
    `const result = await client.${stub.method}(${args.join(', ')});`,
    'console.log(result);',
    '',
  ].join('\n');
}
