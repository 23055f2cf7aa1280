// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { demoId } from '../core/seed-ids';
import { ORG, SERVICES, newService, setup } from '../test-helpers';

type Call = ReturnType<typeof setup>['call'];

const FRAUD = demoId(1004);
const INVOICES = demoId(1001);
const SUMMARIZER = demoId(1010);
const EVIL = '*/ """ \n <img src=x onerror=alert(1)>';
/** Names and summaries are one line (no control characters: src/contract/common.ts `humanText`); the rest of the hostile text. */
const EVIL_LINE = EVIL.replace('\n', '');

const TSC = join(process.cwd(), 'node_modules/typescript/bin/tsc');
const dir = mkdtempSync(join(tmpdir(), 'stubs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function pyCompile(source: string): void {
  const file = join(dir, `client_${++n}.py`);
  writeFileSync(file, source);
  execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
}

function tscStrict(source: string): void {
  const file = join(dir, `client_${++n}.ts`);
  writeFileSync(file, source);
  try {
    execFileSync(
      process.execPath,
      [TSC, '--strict', '--noEmit', '--noUncheckedIndexedAccess', '--target', 'es2022', '--lib', 'es2022,dom', file],
      { stdio: 'pipe', cwd: dir },
    );
  } catch (e) {
    throw new Error(`tsc failed:\n${String((e as { stdout?: Buffer }).stdout ?? e)}\n${source}`, { cause: e });
  }
}

async function validOpenApi(doc: unknown): Promise<void> {
  const result = await new Validator().validate(doc as Record<string, unknown>);
  expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
  expect(result.valid).toBe(true);
}

async function artefacts(call: Call, token: string, id: string, query = '') {
  const [openapi, py, ts] = await Promise.all(
    ['openapi.json', 'stubs/python', 'stubs/typescript'].map((p) => call('GET', `${SERVICES}/${id}/${p}${query}`, { token })),
  );
  return { openapi: openapi!, py: py!, ts: ts! };
}

/** Every JSON Schema shape the generators handle, with names and text that try to break out. */
const hostileSchema = {
  type: 'object',
  description: EVIL,
  properties: {
    plain: { type: 'string', description: EVIL },
    'my-field': { type: 'integer' },
    class: { type: 'boolean' },
    from: { type: ['string', 'null'] },
    '123start': { type: 'number' },
    [`quote"s \\ and ${EVIL}`]: { type: 'string' },
    choice: { type: 'string', enum: ['a"b', '*/', '\n', "it's", '\u2028'] },
    mixed: { enum: [1, 2.5, true, null, 'x'] },
    nested: {
      type: 'object',
      properties: {
        deeper: { type: 'object', properties: { leaf: { type: 'array', items: { type: 'object', properties: { v: { const: 'ok' } } } } } },
      },
      required: ['deeper'],
    },
    tags: { type: 'array', items: { type: 'string' } },
    matrix: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    anything: {},
    maybe: { anyOf: [{ type: 'object', properties: { x: { type: 'integer' } } }, { type: 'null' }] },
    either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    both: {
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { type: 'object', properties: { b: { type: 'integer' } } },
      ],
    },
  },
  required: ['plain', 'class', 'nested'],
};

async function hostileService(call: Call, token: string) {
  const svc = await call('POST', SERVICES, {
    token,
    body: newService({ slug: 'evil-service', name: `Evil ${EVIL_LINE}`, description: EVIL }),
  });
  expect(svc.status).toBe(201);
  const base = `${SERVICES}/${svc.body.id}`;
  const endpoints = [
    {
      method: 'POST',
      path: '/items/{class}/{from}',
      summary: `Create ${EVIL_LINE}`,
      description: EVIL,
      request_schema: hostileSchema,
      response_schema: hostileSchema,
    },
    {
      method: 'GET',
      path: '/items/{class}/{from}',
      summary: EVIL_LINE,
      request_schema: {
        type: 'object',
        properties: { class: { type: 'integer' }, from: { type: 'string' }, q: { type: ['string', 'null'] }, page: { type: 'integer' } },
        required: ['page'],
      },
      response_schema: { type: 'array', items: hostileSchema },
    },
    {
      method: 'DELETE',
      path: '/items/{class}/{from}',
      summary: '"""',
      request_schema: { type: 'object', properties: {} },
      response_schema: { type: 'object', properties: {} },
    },
    {
      method: 'PUT',
      path: '/',
      summary: '\\N{oops} \\',
      request_schema: { type: 'array', items: { type: 'string', enum: ['x'] } },
      response_schema: { type: 'string' },
    },
    {
      method: 'PATCH',
      path: '/get-User.by~id/{_}',
      summary: '*/ /* */',
      request_schema: { type: 'object', properties: { tags: { type: 'array' } } },
      response_schema: { type: ['integer', 'string', 'null'] },
    },
  ];
  for (const body of endpoints) {
    const res = await call('POST', `${base}/endpoints`, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  expect((await call('POST', `${base}/publish`, { token })).status).toBe(200);
  return svc.body.id as string;
}

describe('GET …/openapi.json and …/stubs/{language}', { timeout: 60_000 }, () => {
  it('fraud-scorer (nested objects, arrays, enums, optional and nullable fields): valid OpenAPI 3.1, a Python stub that compiles, a TS stub that type-checks', async () => {
    const { call, login } = setup();
    const token = await login('viewer');
    const { openapi, py, ts } = await artefacts(call, token, FRAUD);
    expect(openapi.status).toBe(200);
    const doc = openapi.body;
    await validOpenApi(doc);
    expect(doc.info).toMatchObject({ title: 'Fraud Scorer', version: '1' });
    expect(doc.servers).toEqual([{ url: `/api/v1/orgs/${ORG}/services/${FRAUD}` }]);
    expect(Object.keys(doc.paths).sort()).toEqual(['/models', '/score', '/score/batch']);
    expect(doc.paths['/score'].post.operationId).toBe('post_score');
    expect(doc.paths['/score'].post.requestBody.content['application/json'].schema.required).toEqual(['transaction']);
    expect(doc.paths['/models'].get.parameters).toEqual([
      { name: 'include_retired', in: 'query', required: false, schema: { type: 'boolean' } },
    ]);

    expect(py.status).toBe(200);
    expect(py.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(py.headers.get('content-disposition')).toBe('attachment; filename="client.py"');
    expect(ts.headers.get('content-disposition')).toBe('attachment; filename="client.ts"');
    expect(py.body).toContain('class FraudScorerClient:');
    expect(py.body).toContain('def post_score(self, body: PostScoreRequest) -> PostScoreResponse:');
    expect(py.body).toMatch(/decision: Literal\["approve", "review", "decline"\]/);
    expect(py.body).toMatch(/ip_address: NotRequired\[Optional\[str\]\]/);
    expect(py.body).toMatch(/reasons: List\[PostScoreResponseReasonsItem\]/);
    pyCompile(py.body);
    expect(ts.body).toContain('export class FraudScorerClient {');
    expect(ts.body).toContain('async postScore(body: PostScoreRequest): Promise<PostScoreResponse>');
    expect(ts.body).toMatch(/decision: "approve" \| "review" \| "decline";/);
    expect(ts.body).toMatch(/ip_address\?: string \| null;/);
    tscStrict(ts.body);

    // the draft is version 2: asking for it is a 409; an unknown version a 404
    expect((await call('GET', `${SERVICES}/${FRAUD}/openapi.json?version=2`, { token })).status).toBe(409);
    expect((await call('GET', `${SERVICES}/${FRAUD}/stubs/python?version=7`, { token })).body).toEqual({ detail: 'Version not found' });
    expect((await call('GET', `${SERVICES}/${FRAUD}/stubs/typescript?version=1`, { token })).status).toBe(200);
    const none = await call('GET', `${SERVICES}/${SUMMARIZER}/openapi.json`, { token });
    expect(none).toMatchObject({ status: 409, body: { detail: 'This service has no published version' } });
    expect((await call('GET', `${SERVICES}/${SUMMARIZER}/stubs/typescript`, { token })).status).toBe(409);
  });

  it('the invoice extractor: path parameters, query parameters, anyOf with null', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const { openapi, py, ts } = await artefacts(call, token, INVOICES);
    await validOpenApi(openapi.body);
    expect(openapi.body.paths['/extractions/{extraction_id}'].get.parameters).toEqual([
      { name: 'extraction_id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'include_raw_text', in: 'query', required: false, schema: { type: 'boolean' } },
    ]);
    expect(py.body).toContain(
      'def get_extractions_extraction_id(self, extraction_id: str, params: Optional[GetExtractionsExtractionIdParams] = None)',
    );
    expect(py.body).toMatch(/due_date: NotRequired\[Optional\[str\]\]/);
    pyCompile(py.body);
    expect(ts.body).toContain('async getExtractionsExtractionId(extractionId: string, query?: GetExtractionsExtractionIdParams)');
    tscStrict(ts.body);
  });

  it('user text never breaks the code: names, summaries, property names and enum values that try to', async () => {
    const { call, login } = setup();
    const token = await login('developer');
    const id = await hostileService(call, token);
    const { openapi, py, ts } = await artefacts(call, token, id);
    await validOpenApi(openapi.body);
    expect(openapi.body.info.title).toBe(`Evil ${EVIL_LINE}`.trim());
    expect(openapi.body.paths['/items/{class}/{from}'].post.summary).toBe(`Create ${EVIL_LINE}`);
    expect(
      openapi.body.paths['/items/{class}/{from}'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
    ).toEqual(['path:class', 'path:from', 'query:q', 'query:page']);
    pyCompile(py.body);
    tscStrict(ts.body);
    for (const src of [py.body as string, ts.body as string]) {
      // no raw line break from user text, and every comment closes where it should
      expect(src).not.toContain(' \n <img');
      expect(
        src
          .split('\n')
          .filter((l) => l.includes('<img'))
          .every((l) => /^\s*(#|\/\*\*|"""| \*|.*"""$|.*\*\/$)/.test(l) || /\\u|\\"/.test(l)),
      ).toBe(true);
    }
    expect(ts.body).not.toMatch(/\/\*\*[^\n]*\*\/[^\n]*\*\//);
    expect(py.body).toContain('def post_items_class_from(self, class_: str, from_: str, body: PostItemsClassFromRequest)');
    expect(py.body).toContain('PostItemsClassFromRequest = TypedDict(');
    expect(py.body).toContain('"class": bool,');
    expect(ts.body).toContain('async getItemsClassFrom(classParam: string | number, from: string, query: GetItemsClassFromParams)');
    expect(ts.body).toContain('"my-field"?: number;');
  });
});
