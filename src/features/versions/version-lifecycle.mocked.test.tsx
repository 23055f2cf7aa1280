import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServiceVersionRead } from '@/contract/versions';
import { VersionLifecycle } from './version-lifecycle';

// The definition the diagram is drawn from, as text: mermaid itself does not draw in jsdom.
vi.mock('@/ui/mermaid-diagram', () => ({
  MermaidDiagram: ({ definition, label }: { definition: string; label: string }) => <pre aria-label={label}>{definition}</pre>,
}));

/** A viewport whose width matches the phone query or not, and that can change. */
function viewport(narrow: boolean) {
  const listeners = new Set<() => void>();
  const state = { narrow };
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query === '(max-width: 600px)' && state.narrow;
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }));
  return (next: boolean) => {
    state.narrow = next;
    for (const listener of listeners) listener();
  };
}

const versions = [
  { version: 2, status: 'active' },
  { version: 1, status: 'draining' },
] as ServiceVersionRead[];
const drawn = () => screen.getByLabelText(/^Version lifecycle/).textContent;

describe('the version lifecycle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs left to right where it fits, and top to bottom on a phone, where a row would be scaled down past reading', () => {
    const resize = viewport(false);
    render(<VersionLifecycle versions={versions} />);
    expect(drawn()).toContain('direction LR');
    expect(drawn()).toContain('state "Active (v2)" as Active');
    act(() => resize(true));
    expect(drawn()).toContain('direction TB');
    expect(drawn()).toContain('state "Draining (v1)" as Draining');
  });
});
