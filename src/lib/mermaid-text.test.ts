import { describe, expect, it } from 'vitest';
import { mermaidId, mermaidText } from './mermaid-text';

describe('mermaidText', () => {
  it('keeps letters, digits and spaces readable', () => {
    expect(mermaidText('Document Processor v2')).toBe('"Document Processor v2"');
  });

  it('turns mermaid syntax into entity codes so it cannot add nodes, edges or click handlers', () => {
    const out = mermaidText('a"]; B-->C; click B call alert(1)');
    // Inside the quotes only letters, digits, spaces and entity codes remain.
    expect(out.slice(1, -1)).toMatch(/^([A-Za-z0-9 ]|#\d+;)*$/);
    expect(out).toContain('#34;');
    expect(out).toContain('#93;');
    expect(out).toContain('#62;');
  });

  it('turns HTML into entity codes', () => {
    const out = mermaidText('<img src=x onerror=alert(1)>');
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(out).not.toContain('=');
    expect(out).toContain('#60;img src#61;x onerror#61;alert#40;1#41;#62;');
  });

  it('handles characters outside the basic plane', () => {
    expect(mermaidText('ok 🚀')).toBe('"ok #128640;"');
  });
});

describe('mermaidId', () => {
  it('never lets user syntax into an id', () => {
    expect(mermaidId('v"];x', 3)).toBe('vx_3');
  });
});
