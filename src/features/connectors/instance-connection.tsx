import './connectors.css';
import type { Scope } from '@/contract/paths';
import { useWhoami } from '@/data/auth/get-whoami';
import { useConnectorTypes } from '@/data/connectors/get-connector-types';
import { useInstance } from '@/data/connectors/get-instance';
import { useTestInstance } from '@/data/connectors/test-instance';
import { can } from '@/lib/permissions';
import { Card } from '@/ui/card';
import { InstanceDetails, TestConnectionButton } from './instance-config';

/**
 * What an instance's own page shows first (its route puts it there): what it
 * connects to, which secrets are set, its last connection test — and the test
 * itself, so a failing operation can be told from an unreachable database.
 */
export function InstanceConnection({ scope, connectorId, instanceId }: { scope: Scope; connectorId: string; instanceId: string }) {
  const type = useConnectorTypes(scope).find((t) => t.id === connectorId);
  const instance = useInstance(scope, connectorId, instanceId);
  const me = useWhoami();
  const test = useTestInstance(scope, connectorId, instanceId);
  if (!type) return null;
  return (
    <Card
      id="connection-title"
      heading="Connection"
      actions={can(me.role, 'service:write') && <TestConnectionButton instance={instance} test={test} />}
    >
      <InstanceDetails type={type} instance={instance} test={test} />
    </Card>
  );
}
