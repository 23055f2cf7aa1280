/**
 * Path parameters beyond org/workspace/service/version/endpoint, resolved with
 * the others before the role check, so an unknown one is a 404 first:
 * `:ring_id`, `:connector_id` (a catalog type) and `:instance_id` (within the
 * workspace and the connector type).
 */
import type { ConnectorType } from '../src/contract/connectors';
import type { Workspace } from '../src/contract/organizations';
import { connectorType } from './connector-catalog';
import type { ConnectorInstanceRecord } from './connector-rules';
import { notFound } from './errors';
import type { RingRecord, Store } from './store';

export interface ExtraScope {
  ring?: RingRecord;
  connector?: ConnectorType;
  instance?: ConnectorInstanceRecord;
}

export function resolveExtraScope(store: Store, params: Record<string, string>, workspace: Workspace | undefined): ExtraScope {
  const out: ExtraScope = {};
  if (params.ring_id !== undefined) {
    const ring = store.rings.get(params.ring_id);
    if (!ring || !workspace || ring.workspace_id !== workspace.id) throw notFound('Ring');
    out.ring = ring;
  }
  if (params.connector_id !== undefined) {
    out.connector = connectorType(params.connector_id);
    if (!out.connector) throw notFound('Connector');
  }
  if (params.instance_id !== undefined) {
    const inst = store.connectorInstances.get(params.instance_id);
    if (!inst || !workspace || inst.workspace_id !== workspace.id || inst.connector_id !== out.connector?.id) throw notFound('Connector instance');
    out.instance = inst;
  }
  return out;
}
