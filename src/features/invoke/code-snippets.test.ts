import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { typescriptStub } from '@/testing/stubs';
import {
  callUrl,
  curlSnippet,
  findStubMethod,
  pyLiteral,
  pythonSnippet,
  shellQuote,
  tsStr,
  typescriptSnippet,
  type SnippetCall,
} from './code-snippets';
import { pyStr } from '@/contract/code-literals';

const run = promisify(execFile);

const base: SnippetCall = {
  apiBase: 'https://api.example.com/api/v1',
  orgId: 'org-1',
  serviceId: '0f6f2d6e-0000-4000-8000-000000001005',
  method: 'POST',
  template: '/analyze',
  pathParams: {},
  path: '/analyze',
  query: [],
  body: { text: 'Analyze this document for sentiment.' },
  version: { kind: 'split' },
};

/** A GET of `/status?limit=3` pinned to v2: no body. */
const pinnedGet: SnippetCall = {
  ...base,
  method: 'GET',
  template: '/status',
  path: '/status',
  body: undefined,
  query: [['limit', 3]],
  version: { kind: 'pinned', version: 2 },
};

describe('copy as curl', () => {
  it('calls the gateway URL with the token from a variable and the body as sent', () => {
    expect(curlSnippet(base)).toBe(`# FLOW_TOKEN: your access token (what flow-sdk login stores) or a service token of this service.
curl -sS -X POST 'https://api.example.com/api/v1/orgs/org-1/services/0f6f2d6e-0000-4000-8000-000000001005/analyze' \\
  -H "Authorization: Bearer $FLOW_TOKEN" \\
  -H 'Content-Type: application/json' \\
  --data-raw '{"text":"Analyze this document for sentiment."}'
`);
  });

  it('pins a version in the path, and a GET sends its query and no body', () => {
    const get = curlSnippet({
      ...pinnedGet,
      query: [
        ['limit', 3],
        ['q', 'a b&c'],
      ],
    });
    expect(get).toContain(
      "curl -sS 'https://api.example.com/api/v1/orgs/org-1/services/0f6f2d6e-0000-4000-8000-000000001005/v2/status?limit=3&q=a+b%26c'",
    );
    expect(get).not.toContain('--data-raw');
    expect(get).not.toContain('-X');
  });

  it('keeps user text inside one shell word, whatever it holds', async () => {
    const nasty = `it's $(rm -rf /) \`id\` "q" \\ ; echo pwned\n`;
    expect(shellQuote(nasty)).toBe(`'it'\\''s $(rm -rf /) \`id\` "q" \\ ; echo pwned\n'`);
    // The shell reads it back exactly.
    const { stdout } = await run('sh', ['-c', `printf %s ${shellQuote(nasty)}`]);
    expect(stdout).toBe(nasty);
    const snippet = curlSnippet({ ...base, body: { text: nasty } });
    const data = /--data-raw (.*)\n$/s.exec(snippet)![1]!;
    const { stdout: sent } = await run('sh', ['-c', `printf %s ${data}`]);
    expect(JSON.parse(sent)).toEqual({ text: nasty });
  });

  it('encodes the ids in the URL', () => {
    expect(callUrl({ ...base, orgId: 'a/b', serviceId: 'c d' })).toBe('https://api.example.com/api/v1/orgs/a%2Fb/services/c%20d/analyze');
  });
});

describe('copy as Python (CLIClient, seed 004)', () => {
  it('writes invoke_service as the seed does', () => {
    expect(pythonSnippet(base)).toBe(`from flow_sdk.config import load_config
from flow_sdk.cli_client import CLIClient

# Run \`flow-sdk login\` first: CLIClient calls with the access token it stores.
config = load_config()
client = CLIClient(config)
result = client.invoke_service(
    service_id="0f6f2d6e-0000-4000-8000-000000001005",
    method="POST",
    path="/analyze",
    body={"text": "Analyze this document for sentiment."},
)
print(result)
`);
  });

  it('pins with version=N and passes a GET’s query as a dict', () => {
    const py = pythonSnippet(pinnedGet);
    expect(py).toContain('    method="GET",\n    path="/status",\n    query={"limit": "3"},\n    version=2,\n)');
    expect(py).not.toContain('body=');
  });

  it('writes JSON as Python literals, long ones over several lines', () => {
    expect(pyLiteral({ a: true, b: null, c: [1, 2.5, false] })).toBe('{"a": True, "b": None, "c": [1, 2.5, False]}');
    expect(pyLiteral({ first: 'a fairly long value here', second: 'and another long one' }, '    ')).toBe(
      '{\n        "first": "a fairly long value here",\n        "second": "and another long one",\n    }',
    );
  });

  it('escapes user text so it stays one string literal', () => {
    expect(pyStr('say "hi"\\ \n\r\t\u0000')).toBe('"say \\"hi\\"\\\\ \\n\\r\\t\\x00"');
    // Non-ASCII by code point: \u for the BMP, \U beyond it (Python has no surrogate pairs).
    expect(pyStr('é\u2028😀')).toBe('"\\u00e9\\u2028\\U0001f600"');
    expect(pyStr('"""; import os; os.system("id") #')).toBe('"\\"\\"\\"; import os; os.system(\\"id\\") #"');
  });
});

describe('copy as TypeScript (the version’s generated stub)', () => {
  const stub = typescriptStub({
    serviceName: 'Sentiment Analyzer',
    serviceId: base.serviceId,
    orgId: 'org-1',
    version: 2,
    snapshot: [
      {
        method: 'POST',
        path: '/analyze',
        summary: 'Analyze a text',
        request_schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
        response_schema: { type: 'object' },
      },
      {
        method: 'GET',
        path: '/documents/{document_id}',
        summary: 'Read a document',
        request_schema: {
          type: 'object',
          properties: { document_id: { type: 'string' }, limit: { type: 'integer' } },
          required: ['document_id'],
        },
        response_schema: { type: 'object' },
      },
    ],
  });

  it('finds the client class and the endpoint’s method in the stub', () => {
    expect(findStubMethod(stub, 'POST', '/analyze')).toEqual({
      className: 'SentimentAnalyzerClient',
      method: expect.any(String),
      args: ['body'],
    });
    expect(findStubMethod(stub, 'GET', '/documents/{document_id}')).toMatchObject({ args: ['documentId', 'query'] });
    expect(findStubMethod(stub, 'DELETE', '/analyze')).toBeNull();
    expect(findStubMethod('no client here', 'POST', '/analyze')).toBeNull();
  });

  it('calls the method with the path parameters, query and body, the token a placeholder', () => {
    const method = findStubMethod(stub, 'GET', '/documents/{document_id}')!;
    const ts = typescriptSnippet(
      {
        ...pinnedGet,
        template: '/documents/{document_id}',
        pathParams: { document_id: 'doc "42"' },
        path: '/documents/doc%20%2242%22',
      },
      method,
      2,
    );
    expect(ts).toContain('import { SentimentAnalyzerClient } from "./client";');
    expect(ts).toContain('  baseUrl: "https://api.example.com",');
    expect(ts).toContain('  token: "<YOUR_TOKEN>",');
    expect(ts).toContain('  pinVersion: true,');
    expect(ts).toContain(`await client.${method.method}("doc \\"42\\"", {\n  "limit": 3\n});`);
  });

  it('escapes user text into ASCII string literals', () => {
    expect(tsStr('a"b\\c\u2028</script>')).toBe('"a\\"b\\\\c\\u2028</script>"');
    const method = findStubMethod(stub, 'POST', '/analyze')!;
    const ts = typescriptSnippet({ ...base, body: { text: 'line\u2029sep */ é' } }, method, 2);
    expect(ts).toContain('"text": "line\\u2029sep */ \\u00e9"');
    expect(ts).toContain('// pinVersion: true would call this version only');
  });
});
