import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, withExtensionsTable } from './extensions-table';

describe('the README’s table of extensions', () => {
  it('is the registry’s (run `npm run extensions-table` after changing src/contract/extensions.ts)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withExtensionsTable(readme)).toBe(readme);
  });

  it('is written between its markers, and a README without them is refused', () => {
    expect(() => withExtensionsTable('# no table here')).toThrow(/has no extensions table/);
  });
});
