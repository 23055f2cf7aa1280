/**
 * The TypeScript client stub (seed 000 "Generated Client Stubs"): `fetch`
 * only, compiles under `tsc --strict`. Objects become interfaces (nested
 * objects get their own), optional properties `?:`, nullable ones `| null`,
 * enums literal unions, arrays `Array<T>`, maps `Record<string, T>`. User text
 * is never code: names are sanitised identifiers, property names and strings
 * are escaped literals, summaries sit in comments that cannot be closed early.
 */
import {
  asciiEscape,
  camel,
  methodTypes,
  Names,
  oneLine,
  paramSchema,
  pascal,
  pathParts,
  stubOperations,
  TypeModel,
  type Decl,
  type Literal,
  type StubInput,
  type TypeRef,
} from './type-model';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null ' +
    'return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await ' +
    'arguments eval undefined body query'
  ).split(' '),
);
const MODULE_NAMES = [
  'ApiError',
  'ClientOptions',
  'ORG_ID',
  'SERVICE_ID',
  'VERSION',
  'Array',
  'Record',
  'Promise',
  'Error',
  'Object',
  'String',
  'JSON',
  'URLSearchParams',
];

/** A string literal for any text (ASCII only, so no line terminator can sneak in). */
export const tsStr = (s: string) => asciiEscape(JSON.stringify(s));
const propName = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : tsStr(k));
/** A doc comment on one line that `*\/` cannot close. */
const doc = (s: string, indent = '') => `${indent}/** ${oneLine(s).replace(/\*\//g, '*\\/')} */`;

function literal(v: Literal): string {
  if (typeof v === 'string') return tsStr(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'number';
  return String(v);
}

function typeExpr(t: TypeRef): string {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'any':
      return 'unknown';
    case 'array':
      return `Array<${typeExpr(t.items)}>`;
    case 'dict':
      return `Record<string, ${typeExpr(t.values)}>`;
    case 'named':
      return t.name;
    case 'literal':
      return [...new Set(t.values.map(literal))].join(' | ');
    case 'union':
      return [...new Set(t.members.map(typeExpr))].join(' | ');
  }
}

function declText(d: Decl): string[] {
  if (d.kind === 'alias') return [`export type ${d.name} = ${typeExpr(d.type)};`];
  const lines: string[] = [];
  if (d.description) lines.push(doc(d.description));
  lines.push(`export interface ${d.name} {`);
  for (const f of d.fields) {
    if (f.description) lines.push(doc(f.description, '  '));
    lines.push(`  ${propName(f.key)}${f.required ? '' : '?'}: ${typeExpr(f.type)};`);
  }
  lines.push('}');
  return lines;
}

function paramType(schema: unknown): string {
  const t = typeof schema === 'object' && schema !== null ? (schema as { type?: unknown }).type : undefined;
  return t === 'integer' || t === 'number' ? 'string | number' : 'string';
}

export function typescriptStub(input: StubInput): string {
  const names = new Names(MODULE_NAMES);
  const clientName = names.take(`${pascal(input.serviceName, 'Service')}Client`);
  const model = new TypeModel(names);
  const methodNames = new Names(['constructor', 'request', 'prefix', 'token', 'fetchImpl']);
  const methods: string[][] = [];

  for (const op of stubOperations(input.snapshot)) {
    const e = op.endpoint;
    const args: string[] = [];
    const argNames = new Names(['body', 'query']);
    const paramVar = new Map<string, string>();
    for (const p of op.params) {
      const c = camel(p, 'param');
      const v = argNames.take(RESERVED.has(c) ? `${c}Param` : c);
      paramVar.set(p, v);
      args.push(`${v}: ${paramType(paramSchema(e, p))}`);
    }
    const types = methodTypes(op, model);
    const rt = types.response;
    let query = 'undefined';
    let body = '';
    if (types.query) {
      args.push(types.query.required ? `query: ${types.query.type}` : `query?: ${types.query.type}`);
      query = 'query';
    } else if (types.body) {
      args.push(types.body.optional ? `body?: ${types.body.type}` : `body: ${types.body.type}`);
      body = ', body';
    }
    const path = pathParts(e.path)
      .map((part) => (part.param !== undefined ? `encodeURIComponent(String(${paramVar.get(part.param)}))` : tsStr(part.literal ?? '')))
      .join(' + ');
    const name = methodNames.take(camel(op.tool, 'call'));
    methods.push([
      doc(`${e.method} ${e.path}: ${e.summary}${e.description ? ` — ${e.description}` : ''}`, '  '),
      `  async ${name}(${args.join(', ')}): Promise<${rt}> {`,
      `    return this.request<${rt}>(${tsStr(e.method)}, ${path || '""'}, ${query}${body});`,
      '  }',
    ]);
  }

  const out: string[] = [
    `/**`,
    ` * Typed client for ${oneLine(input.serviceName).replace(/\*\//g, '*\\/')}, version ${input.version}.`,
    " * Generated by the platform from the version's published endpoints; regenerate it rather than edit it.",
    ' */',
    '',
    `export const ORG_ID = ${tsStr(input.orgId)};`,
    `export const SERVICE_ID = ${tsStr(input.serviceId)};`,
    `export const VERSION = ${input.version};`,
  ];
  for (const d of model.decls) out.push('', ...declText(d));
  out.push(
    '',
    'export interface ClientOptions {',
    "  /** The platform's URL, e.g. https://api.example.com */",
    '  baseUrl: string;',
    '  /** A bearer token (a service token or a session token). */',
    '  token: string;',
    '  /** Call this version only, instead of following the traffic split. */',
    '  pinVersion?: boolean;',
    '  /** Another fetch (tests, proxies). */',
    '  fetch?: typeof fetch;',
    '}',
    '',
    '/** The service answered with an error status; `body` is its JSON (or text). */',
    'export class ApiError extends Error {',
    '  readonly status: number;',
    '  readonly body: unknown;',
    '  constructor(status: number, body: unknown) {',
    '    super(`HTTP ${status}`);',
    '    this.name = "ApiError";',
    '    this.status = status;',
    '    this.body = body;',
    '  }',
    '}',
    '',
    doc(`Client for ${input.serviceName} (version ${input.version}).`),
    `export class ${clientName} {`,
    '  private readonly prefix: string;',
    '  private readonly token: string;',
    '  private readonly fetchImpl: typeof fetch;',
    '',
    '  constructor(options: ClientOptions) {',
    '    const prefix = "/api/v1/orgs/" + ORG_ID + "/services/" + SERVICE_ID + (options.pinVersion ? "/v" + VERSION : "");',
    '    this.prefix = options.baseUrl.replace(/\\/+$/, "") + prefix;',
    '    this.token = options.token;',
    '    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));',
    '  }',
    '',
    '  private async request<T>(method: string, path: string, query?: object, body?: unknown): Promise<T> {',
    '    let url = this.prefix + path;',
    '    if (query) {',
    '      const params = new URLSearchParams();',
    '      for (const [key, value] of Object.entries(query)) {',
    '        if (value === undefined) continue;',
    '        const values: unknown[] = Array.isArray(value) ? value : [value];',
    '        for (const v of values) params.append(key, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));',
    '      }',
    '      const qs = params.toString();',
    '      if (qs) url += "?" + qs;',
    '    }',
    '    const headers: Record<string, string> = { Authorization: "Bearer " + this.token };',
    '    const init: RequestInit = { method, headers };',
    '    if (body !== undefined) {',
    '      headers["Content-Type"] = "application/json";',
    '      init.body = JSON.stringify(body);',
    '    }',
    '    const response = await this.fetchImpl(url, init);',
    '    const text = await response.text();',
    '    let data: unknown = undefined;',
    '    if (text) {',
    '      try {',
    '        data = JSON.parse(text);',
    '      } catch {',
    '        data = text;',
    '      }',
    '    }',
    '    if (!response.ok) throw new ApiError(response.status, data);',
    '    return data as T;',
    '  }',
  );
  for (const m of methods) out.push('', ...m);
  out.push('}');
  return `${out.join('\n')}\n`;
}
