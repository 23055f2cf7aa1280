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
export function lifecycleDefinition(versions: Pick<ServiceVersionRead, 'version' | 'status'>[]): string {
  const lines = ['stateDiagram-v2', '  direction LR', '  classDef current fill:#4f46e5,color:#fff,stroke:#312e81,stroke-width:2px'];
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

export function VersionLifecycle({ versions }: { versions: ServiceVersionRead[] }) {
  const summary = STATES.map(({ status, node }) => {
    const n = versions.filter((v) => v.status === status).map((v) => `v${v.version}`);
    return n.length ? `${node}: ${n.join(', ')}` : null;
  })
    .filter(Boolean)
    .join('; ');
  return (
    <MermaidDiagram
      definition={lifecycleDefinition(versions)}
      label={`Version lifecycle: draft, active, draining, archived. ${summary}.`}
    />
  );
}
