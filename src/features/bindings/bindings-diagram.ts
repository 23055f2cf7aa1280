import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { HostedServiceRead } from '@/contract/services';
import { mermaidId, mermaidText } from '@/lib/mermaid-text';

type Lookup = (id: string) => { instance: ConnectorInstanceRead; type: ConnectorTypeRead } | undefined;

/**
 * The service and what it is bound to, left to right (top to bottom on a phone, where a row of boxes shrank to
 * unreadable labels): a solid edge for
 * read_write, a dotted one for read_only, the binding name and role on the
 * edge; the node's shape says the kind (a cylinder for a database). Every name is user text, so all of it goes through mermaidText().
 */
export function bindingsDefinition(
  service: Pick<HostedServiceRead, 'name' | 'connector_bindings'>,
  lookup: Lookup,
  direction: 'LR' | 'TB' = 'LR',
): string {
  const lines = [`flowchart ${direction}`, `  svc([${mermaidText(service.name)}])`];
  const bindings = Object.entries(service.connector_bindings).sort(([a], [b]) => a.localeCompare(b));
  bindings.forEach(([name, binding], i) => {
    const node = mermaidId('inst', i);
    const found = lookup(binding.connector_instance_id);
    const label = found ? found.instance.name : 'missing instance';
    const shape =
      found?.type.category === 'database'
        ? `[(${mermaidText(label)})]`
        : found?.type.category === 'http'
          ? `{{${mermaidText(label)}}}`
          : `[${mermaidText(label)}]`;
    lines.push(`  ${node}${shape}`);
    const edge = binding.role === 'read_write' ? '-->' : '-.->';
    lines.push(`  svc ${edge}|${mermaidText(`${name}: ${binding.role}`)}| ${node}`);
  });
  return lines.join('\n');
}
