import { describe, expect, it } from 'vitest';
import { servedVersion } from './served-version';

const file = (text: string, versionHeader: string | null = null) => ({ text, versionHeader });

/** A platform that ignores `?version=` sends its current version's file: the console must tell which version it got. */
describe('which version a generated file is of', () => {
  it('believes the X-Service-Version header first', () => {
    expect(servedVersion(file('VERSION = 1', '2'), 'python')).toBe(2);
    expect(servedVersion(file('{}', 'v3'), 'openapi')).toBe(3);
  });

  it('reads an OpenAPI document’s info.version, as a number or a string', () => {
    expect(servedVersion(file(JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '2' } })), 'openapi')).toBe(2);
    expect(servedVersion(file(JSON.stringify({ info: { version: 4 } })), 'openapi')).toBe(4);
    expect(servedVersion(file(JSON.stringify({ info: { version: '1.0.0' } })), 'openapi')).toBeNull();
    expect(servedVersion(file('not json'), 'openapi')).toBeNull();
  });

  it('reads a stub’s VERSION constant or its header comment', () => {
    expect(servedVersion(file('"""Typed client for Embedding Service, version 2."""\nVERSION = 2\n'), 'python')).toBe(2);
    expect(servedVersion(file('/** Typed client for Embedding Service, version 5. */\nexport const VERSION = 5;\n'), 'typescript')).toBe(5);
    expect(servedVersion(file('# Typed client for Fraud Scorer, version 7\nimport httpx\n'), 'python')).toBe(7);
  });

  it('says it does not know rather than guess', () => {
    expect(servedVersion(file('import httpx\nclass Client: ...\n'), 'python')).toBeNull();
    // A version mentioned far down, in the service's own text, is not the file's.
    expect(servedVersion(file(`${'x'.repeat(5000)}\nVERSION = 9\n`), 'python')).toBeNull();
  });
});
