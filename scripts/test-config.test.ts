/**
 * The component tests share one module graph per worker (vitest.config.ts, `isolate: false`), where `vi.mock` cannot
 * replace a module another file has already loaded. A test file that mocks a module must be named `*.mocked.test.tsx`,
 * which runs isolated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const componentTests = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.tsx'))
  .map((f) => join('src', f));

describe('the component tests', () => {
  it('that mock a module are named *.mocked.test.tsx, so they run in a module graph of their own', () => {
    expect(componentTests.length).toBeGreaterThan(10);
    const mocking = componentTests.filter((f) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(f, 'utf8')));
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((f) => !f.endsWith('.mocked.test.tsx'))).toEqual([]);
  });
});
