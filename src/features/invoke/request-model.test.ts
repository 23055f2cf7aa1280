import { describe, expect, it } from 'vitest';
import {
  checkedInput,
  endpointChoices,
  endpointDef,
  exampleBody,
  fillPath,
  pathFields,
  queryFields,
  queryOf,
  queryString,
} from './request-model';

const doc = {
  method: 'GET',
  path: '/documents/{document_id}',
  summary: 'Read',
  request_schema: {
    type: 'object',
    properties: { document_id: { type: 'integer' }, limit: { type: 'integer', default: 10 }, q: { type: 'string' } },
    required: ['document_id', 'q'],
  },
  response_schema: {},
};
const post = {
  method: 'POST',
  path: '/items/{item_id}',
  summary: 'Write',
  request_schema: { type: 'object', properties: { item_id: { type: 'string' }, name: { type: 'string', example: 'x' } } },
  response_schema: {},
};

describe('the request form’s model', () => {
  const serving = [
    { version: 2, endpoint_snapshot: [post, doc] },
    { version: 1, endpoint_snapshot: [doc] },
  ];

  it('offers each endpoint of the serving versions once, with the versions that have it', () => {
    expect(endpointChoices(serving).map((c) => [c.key, c.versions])).toEqual([
      ['POST /items/{item_id}', [2]],
      ['GET /documents/{document_id}', [2, 1]],
    ]);
    expect(endpointDef(serving, 'POST /items/{item_id}', { kind: 'pinned', version: 1 })).toBeNull();
    expect(endpointDef(serving, 'GET /documents/{document_id}', { kind: 'pinned', version: 1 })?.method).toBe('GET');
  });

  it('makes path parameters and, for GET, the other properties query fields', () => {
    expect(pathFields(doc).map((f) => [f.name, f.type])).toEqual([['document_id', 'integer']]);
    expect(queryFields(doc).map((f) => [f.name, f.required])).toEqual([
      ['limit', false],
      ['q', true],
    ]);
    expect(queryFields(post)).toEqual([]);
  });

  it('prefills the body from the schema, without the path parameters', () => {
    expect(JSON.parse(exampleBody(post))).toEqual({ name: 'x' });
  });

  it('fills the path with encoded values, and checks what the gateway checks', () => {
    expect(fillPath(doc.path, { document_id: 'a/b c' })).toBe('/documents/a%2Fb%20c');
    const query = queryOf(queryFields(doc), { limit: '5', q: '' });
    expect(queryString(query)).toBe('?limit=5');
    expect(checkedInput(doc, undefined, { document_id: '42' }, query)).toEqual({ limit: 5, document_id: 42 });
    expect(checkedInput(post, { name: 'n', item_id: 'from-body' }, { item_id: 'from-path' }, [])).toEqual({
      name: 'n',
      item_id: 'from-body',
    });
  });
});
