import { describe, expect, it } from 'vitest';
import type { ConnectorInstance, ConnectorType } from '@/contract/connectors';
import { bindingsDefinition } from './bindings-diagram';

const type = {
  id: 'postgresql',
  name: 'PostgreSQL',
  category: 'database',
  description: '',
  fields: [],
  operations: [],
} satisfies ConnectorType;
const instance = { id: 'i1', name: 'orders-db', connector_id: 'postgresql' } as ConnectorInstance;

describe('bindingsDefinition', () => {
  it('draws each binding as an edge labelled with its name and role', () => {
    const def = bindingsDefinition(
      {
        name: 'Invoice Extractor',
        connector_bindings: {
          primary_db: { connector_instance_id: 'i1', role: 'read_write' },
          cache: { connector_instance_id: 'gone', role: 'read_only' },
        },
      },
      (id) => (id === 'i1' ? { instance, type } : undefined),
    );
    expect(def.split('\n')).toEqual([
      'flowchart LR',
      '  svc(["Invoice Extractor"])',
      '  inst_0["missing instance"]',
      '  svc -.->|"cache#58; read#95;only"| inst_0',
      '  inst_1[("orders#45;db")]',
      '  svc -->|"primary#95;db#58; read#95;write"| inst_1',
    ]);
  });

  it('runs top to bottom when asked (a phone)', () => {
    const def = bindingsDefinition({ name: 'S', connector_bindings: {} }, () => undefined, 'TB');
    expect(def.split('\n')[0]).toBe('flowchart TB');
  });

  it('keeps hostile names inert', () => {
    const def = bindingsDefinition({ name: 'x"]) --> y; click svc "javascript:alert(1)"', connector_bindings: {} }, () => undefined);
    const [, node] = def.split('\n');
    // One node, one quoted label: nothing inside it can close the label or start a statement.
    expect(node).toMatch(/^ {2}svc\(\["[^"]*"\]\)$/);
    expect(node).not.toMatch(/javascript:|-->/);
  });
});
