import { describe, expect, it } from 'vitest';
import { diffEndpoints, type EndpointShape } from './endpoint-diff';

const ep = (
  method: string,
  path: string,
  request: Record<string, unknown> = { type: 'object' },
  response: Record<string, unknown> = { type: 'object' },
  summary = 's',
): EndpointShape => ({
  method,
  path,
  summary,
  request_schema: request,
  response_schema: response,
});

describe('diffEndpoints', () => {
  it('flags a removed endpoint as breaking and an added one as not', () => {
    const changes = diffEndpoints([ep('POST', '/a'), ep('GET', '/b')], [ep('GET', '/b'), ep('POST', '/c')]);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'removed', key: 'POST /a', breaking: true }),
      expect.objectContaining({ kind: 'added', key: 'POST /c', breaking: false }),
    ]);
  });

  it('reports nothing when nothing changed', () => {
    expect(diffEndpoints([ep('POST', '/a')], [ep('POST', '/a')])).toEqual([]);
  });

  it('flags a newly required request field as breaking, and an optional one as safe', () => {
    const before = ep('POST', '/a', { type: 'object', properties: { text: { type: 'string' } }, required: [] });
    const required = ep('POST', '/a', {
      type: 'object',
      properties: { text: { type: 'string' }, lang: { type: 'string' } },
      required: ['text', 'lang'],
    });
    const [change] = diffEndpoints([before], [required]);
    expect(change).toMatchObject({ kind: 'changed', breaking: true });
    expect(change!.notes).toEqual(
      expect.arrayContaining([
        { text: 'request.text is now required', breaking: true },
        { text: 'request.lang added and required', breaking: true },
      ]),
    );
    const optional = ep('POST', '/a', { type: 'object', properties: { text: { type: 'string' }, lang: { type: 'string' } } });
    expect(diffEndpoints([before], [optional])[0]).toMatchObject({
      breaking: false,
      notes: [{ text: 'request.lang added', breaking: false }],
    });
  });

  it('flags response fields that disappear or may be missing, in nested objects and arrays', () => {
    const before = ep('GET', '/a', undefined, {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, score: { type: 'number' } }, required: ['id', 'score'] },
        },
      },
      required: ['items'],
    });
    const after = ep('GET', '/a', undefined, {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } }, required: [] } } },
      required: ['items'],
    });
    const [change] = diffEndpoints([before], [after]);
    expect(change!.breaking).toBe(true);
    expect(change!.notes.map((n) => n.text)).toEqual(['response.items[].id may now be missing', 'response.items[].score removed']);
  });

  it('knows which enum and type changes break which side', () => {
    const before = ep(
      'POST',
      '/a',
      { type: 'object', properties: { mode: { enum: ['fast', 'slow'] } } },
      { type: 'object', properties: { state: { enum: ['ok'] }, n: { type: 'integer' } } },
    );
    const after = ep(
      'POST',
      '/a',
      { type: 'object', properties: { mode: { enum: ['fast', 'slow', 'auto'] } } },
      { type: 'object', properties: { state: { enum: ['ok', 'late'] }, n: { type: ['integer', 'null'] } } },
    );
    const [change] = diffEndpoints([before], [after]);
    expect(change!.notes).toEqual([
      { text: 'request.mode: new value "auto"', breaking: false },
      { text: 'response.state: new value "late"', breaking: true },
      { text: 'response.n: type integer → integer | null', breaking: true },
    ]);
    const narrowed = diffEndpoints([after], [before])[0]!;
    expect(narrowed.notes).toContainEqual({ text: 'request.mode: value "auto" no longer allowed', breaking: true });
  });

  it('treats a summary change as safe', () => {
    expect(diffEndpoints([ep('GET', '/a', undefined, undefined, 'old')], [ep('GET', '/a', undefined, undefined, 'new')])).toEqual([
      { kind: 'changed', key: 'GET /a', breaking: false, notes: [{ text: 'Summary changed', breaking: false }] },
    ]);
  });
});
