import { useSyncExternalStore } from 'react';
import type { ServiceVersionRead, VersionStatus } from '@/contract/versions';
import { MermaidDiagram } from '@/ui/mermaid-diagram';

const STATES: { status: VersionStatus; node: string }[] = [
  { status: 'draft', node: 'Draft' },
  { status: 'active', node: 'Active' },
  { status: 'draining', node: 'Draining' },
  { status: 'archived', node: 'Archived' },
];

/**
 * The lifecycle of seed 000, with the states this service's versions are in
 * highlighted and labelled with their version numbers. Only numbers from the
 * platform go into the diagram — never user text.
 */
export function lifecycleDefinition(versions: Pick<ServiceVersionRead, 'version' | 'status'>[], direction: 'LR' | 'TB' = 'LR'): string {
  const lines = [
    'stateDiagram-v2',
    `  direction ${direction}`,
    '  classDef current fill:#4f46e5,color:#fff,stroke:#312e81,stroke-width:2px',
  ];
  const current: string[] = [];
  for (const { status, node } of STATES) {
    const here = versions.filter((v) => v.status === status).map((v) => `v${Math.trunc(v.version)}`);
    if (here.length === 0) continue;
    lines.push(`  state "${node} (${here.join(', ')})" as ${node}`);
    current.push(node);
  }
  lines.push(
    '  [*] --> Draft: Create version',
    '  Draft --> Active: Publish',
    '  Active --> Draining: New version published',
    '  Draining --> Archived: Traffic drained',
    '  Archived --> [*]',
  );
  for (const node of current) lines.push(`  class ${node} current`);
  return lines.join('\n');
}

/** A phone's width: five states in a row would be scaled down to unreadable text there. */
const NARROW = '(max-width: 600px)';

function subscribeNarrow(onChange: () => void) {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const isNarrow = () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches;

export function VersionLifecycle({ versions }: { versions: ServiceVersionRead[] }) {
  // Top to bottom on a phone, at a size to read; left to right where it fits.
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
  const summary = STATES.map(({ status, node }) => {
    const n = versions.filter((v) => v.status === status).map((v) => `v${v.version}`);
    return n.length ? `${node}: ${n.join(', ')}` : null;
  })
    .filter(Boolean)
    .join('; ');
  return (
    <div className="version-lifecycle">
      <MermaidDiagram
        definition={lifecycleDefinition(versions, narrow ? 'TB' : 'LR')}
        label={`Version lifecycle: draft, active, draining, archived. ${summary}.`}
      />
    </div>
  );
}
