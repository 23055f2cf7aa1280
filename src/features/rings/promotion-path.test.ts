import { describe, expect, it } from 'vitest';
import { promotionPathDefinition } from './promotion-path';

describe('promotionPathDefinition', () => {
  it('draws the rings left to right in order', () => {
    expect(promotionPathDefinition([{ name: 'dev' }, { name: 'staging' }, { name: 'prod' }])).toBe(
      [
        'flowchart LR',
        '  ring_0("dev")',
        '  ring_1("staging")',
        '  ring_2("prod")',
        '  ring_0 -->|promote| ring_1',
        '  ring_1 -->|promote| ring_2',
      ].join('\n'),
    );
  });

  it('keeps user text from becoming diagram syntax', () => {
    const def = promotionPathDefinition([{ name: 'a"]) --> x[click evil' }]);
    expect(def).not.toContain('"]');
    expect(def).not.toContain('-->');
    expect(def).toContain('#34;');
  });
});
