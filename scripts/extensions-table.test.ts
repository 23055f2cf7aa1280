import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSIONS_PAGE, withExtensionsTable } from './extensions-table';

describe('the table of extensions in docs/against-a-real-platform.md', () => {
  it('is the registry’s (run `npm run extensions-table` after changing src/contract/extensions.ts)', () => {
    const page = readFileSync(EXTENSIONS_PAGE, 'utf8');
    expect(withExtensionsTable(page)).toBe(page);
  });

  it('is written between its markers, and a page without them is refused', () => {
    expect(() => withExtensionsTable('# no table here')).toThrow(/has no extensions table/);
  });
});
