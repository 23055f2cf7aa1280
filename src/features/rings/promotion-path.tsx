import type { RingRead } from '@/contract/rings';
import { mermaidId, mermaidText } from '@/lib/mermaid-text';
import { MermaidDiagram } from '@/ui/mermaid-diagram';

/** The promotion path, first ring to last; ring names are user text, so they go through mermaidText(). */
export function promotionPathDefinition(rings: Pick<RingRead, 'name'>[]): string {
  const lines = ['flowchart LR'];
  rings.forEach((ring, i) => lines.push(`  ${mermaidId('ring', i)}(${mermaidText(ring.name)})`));
  for (let i = 1; i < rings.length; i++) lines.push(`  ${mermaidId('ring', i - 1)} -->|promote| ${mermaidId('ring', i)}`);
  return lines.join('\n');
}

export function PromotionPath({ rings }: { rings: RingRead[] }) {
  return <MermaidDiagram definition={promotionPathDefinition(rings)} label={`Promotion path: ${rings.map((r) => r.name).join(' → ')}`} />;
}
