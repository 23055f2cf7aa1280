/**
 * The Python client stub (seed 000 "Generated Client Stubs"): httpx and
 * typing only, valid Python 3.11. Request and response types are TypedDicts
 * (NotRequired for optional properties, Optional for nullable ones), Literal
 * for enums, List/Dict for arrays and maps. User text is never code: names are
 * sanitised identifiers, strings are escaped literals, summaries are one-line
 * escaped docstrings.
 */
import { oneLine, planStub, type Decl, type Literal, type Scalar, type StubInput, type TypeRef } from './type-model';
import { pyStr } from '../../src/contract/code-literals';

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
const MODULE_NAMES = [
  'Any',
  'Dict',
  'List',
  'Literal',
  'NotRequired',
  'Optional',
  'TypedDict',
  'Union',
  'quote',
  'httpx',
  'ORG_ID',
  'SERVICE_ID',
  'VERSION',
  'ApiError',
];

const isIdent = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !KEYWORDS.has(s);

/** A docstring: one line, backslashes and quotes escaped so nothing can close it early. */
const docstring = (s: string) => `"""${pyStr(oneLine(s)).slice(1, -1)}"""`;
const comment = (s: string) => `# ${oneLine(s)}`;

function literal(v: Literal): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  return pyStr(v);
}

const SCALARS: Record<Scalar, string> = { string: 'str', integer: 'int', number: 'float', boolean: 'bool', null: 'None', any: 'Any' };

function typeExpr(t: TypeRef): string {
  switch (t.kind) {
    case 'array':
      return `List[${typeExpr(t.items)}]`;
    case 'dict':
      return `Dict[str, ${typeExpr(t.values)}]`;
    case 'named':
      return t.name;
    case 'literal': {
      // Literal takes str, int, bool and None; other numbers become float.
      const lits = t.values.filter((v) => typeof v !== 'number' || Number.isSafeInteger(v));
      const parts = lits.length ? [`Literal[${lits.map(literal).join(', ')}]`] : [];
      if (lits.length < t.values.length) parts.push('float');
      return parts.length === 1 ? parts[0]! : `Union[${parts.join(', ')}]`;
    }
    case 'union': {
      const nullable = t.members.some((m) => m.kind === 'null');
      const rest = t.members.filter((m) => m.kind !== 'null').map(typeExpr);
      const inner = rest.length === 0 ? 'None' : rest.length === 1 ? rest[0]! : `Union[${rest.join(', ')}]`;
      return nullable && rest.length > 0 ? `Optional[${inner}]` : inner;
    }
    default:
      return SCALARS[t.kind];
  }
}

/** Path parameters are sent as text; a schema may say they are numbers. */
function paramType(schema: unknown): string {
  const t = typeof schema === 'object' && schema !== null ? (schema as { type?: unknown }).type : undefined;
  return t === 'integer' ? 'int' : t === 'number' ? 'float' : 'str';
}

/** A path parameter's variable: the parameter's name made an identifier. */
function variable(param: string): string {
  const safe = param.replace(/[^A-Za-z0-9_]/g, '_');
  return isIdent(safe) ? safe : `${/^[0-9]/.test(safe) ? 'p_' : ''}${safe}_`;
}

function declText(d: Decl): string[] {
  if (d.kind === 'alias') return [`${d.name} = ${typeExpr(d.type)}`];
  const fieldType = (f: { type: TypeRef; required: boolean }) => (f.required ? typeExpr(f.type) : `NotRequired[${typeExpr(f.type)}]`);
  if (d.fields.every((f) => isIdent(f.key))) {
    const lines = [`class ${d.name}(TypedDict):`];
    if (d.description) lines.push(`    ${docstring(d.description)}`);
    for (const f of d.fields) {
      if (f.description) lines.push(`    ${comment(f.description)}`);
      lines.push(`    ${f.key}: ${fieldType(f)}`);
    }
    return lines;
  }
  // Keys that are not identifiers (or are keywords) need the functional form.
  const lines: string[] = [];
  if (d.description) lines.push(comment(d.description));
  lines.push(`${d.name} = TypedDict(`, `    ${pyStr(d.name)},`, '    {');
  for (const f of d.fields) {
    if (f.description) lines.push(`        ${comment(f.description)}`);
    lines.push(`        ${pyStr(f.key)}: ${fieldType(f)},`);
  }
  lines.push('    },', ')');
  return lines;
}

export function pythonStub(input: StubInput): string {
  const plan = planStub(input, { moduleNames: MODULE_NAMES, argNames: ['self', 'body', 'params'], variable });
  const { clientName, model } = plan;
  const methods: string[][] = [];

  for (const { op, params, types, path: parts } of plan.methods) {
    const e = op.endpoint;
    const args = ['self', ...params.map((p) => `${p.variable}: ${paramType(p.schema)}`)];
    const { query, body, response: rt } = types;
    let call = '';
    if (query) {
      args.push(query.required ? `params: ${query.type}` : `params: Optional[${query.type}] = None`);
      call = ', params=params';
    } else if (body) {
      args.push(body.optional ? `body: Optional[${body.type}] = None` : `body: ${body.type}`);
      call = ', json=body';
    }
    const path = parts
      .map((part) => (part.variable !== undefined ? `quote(str(${part.variable}), safe="")` : pyStr(part.literal ?? '')))
      .join(' + ');
    const doc = [e.summary, e.description ? `— ${e.description}` : ''].join(' ');
    methods.push([
      `    def ${op.tool}(${args.join(', ')}) -> ${rt}:`,
      `        ${docstring(`${e.method} ${e.path}: ${doc}`)}`,
      `        return self._request(${pyStr(e.method)}, ${path || '""'}${call})`,
    ]);
  }

  const out: string[] = [
    `"""Typed client for ${pyStr(oneLine(input.serviceName)).slice(1, -1)}, version ${input.version}.`,
    '',
    "Generated by the platform from the version's published endpoints; regenerate it rather than edit it.",
    'Needs Python 3.11+ and httpx.',
    '"""',
    '',
    'from typing import Any, Dict, List, Literal, NotRequired, Optional, TypedDict, Union',
    'from urllib.parse import quote',
    '',
    'import httpx',
    '',
    `ORG_ID = ${pyStr(input.orgId)}`,
    `SERVICE_ID = ${pyStr(input.serviceId)}`,
    `VERSION = ${input.version}`,
    '',
  ];
  for (const d of model.decls) out.push('', ...declText(d), '');
  out.push(
    '',
    'class ApiError(Exception):',
    '    """The service answered with an error status; `body` is its JSON (or text)."""',
    '',
    '    def __init__(self, status_code: int, body: Any) -> None:',
    '        super().__init__("HTTP " + str(status_code))',
    '        self.status_code = status_code',
    '        self.body = body',
    '',
    '',
    `class ${clientName}:`,
    `    ${docstring(`Client for ${input.serviceName} (version ${input.version}). Calls follow the traffic split unless pin_version is set.`)}`,
    '',
    '    def __init__(',
    '        self,',
    '        base_url: str,',
    '        token: str,',
    '        *,',
    '        pin_version: bool = False,',
    '        timeout: float = 30.0,',
    '        http_client: Optional[httpx.Client] = None,',
    '    ) -> None:',
    '        prefix = "/api/v1/orgs/" + ORG_ID + "/services/" + SERVICE_ID',
    '        if pin_version:',
    '            prefix += "/v" + str(VERSION)',
    '        self._prefix = base_url.rstrip("/") + prefix',
    '        self._headers = {"Authorization": "Bearer " + token}',
    '        self._http = http_client if http_client is not None else httpx.Client(timeout=timeout)',
    '',
    '    def close(self) -> None:',
    '        self._http.close()',
    '',
    `    def __enter__(self) -> "${clientName}":`,
    '        return self',
    '',
    '    def __exit__(self, *exc: object) -> None:',
    '        self.close()',
    '',
    '    def _request(self, method: str, path: str, *, params: Any = None, json: Any = None) -> Any:',
    '        response = self._http.request(method, self._prefix + path, params=params, json=json, headers=self._headers)',
    '        try:',
    '            data: Any = response.json() if response.content else None',
    '        except ValueError:',
    '            data = response.text',
    '        if response.is_error:',
    '            raise ApiError(response.status_code, data)',
    '        return data',
  );
  for (const m of methods) out.push('', ...m);
  return `${out.join('\n')}\n`;
}
