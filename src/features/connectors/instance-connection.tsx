import './connectors.css';
import type { Scope } from '@/contract/paths';
import { useWhoami } from '@/data/auth/get-whoami';
import { useConnectorTypes } from '@/data/connectors/get-connector-types';
import { useInstance } from '@/data/connectors/get-instance';
import { useTestInstance } from '@/data/connectors/test-instance';
import { can } from '@/lib/permissions';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { ConnectionTestSlot, InstanceConfig } from './instance-config';

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
      actions={
        can(me.role, 'service:write') && (
          <Button pending={test.isPending} onClick={() => test.mutate()} aria-label={`Test connection to ${instance.name}`}>
            Test connection
          </Button>
        )
      }
    >
      <div className="instance-body">
        <InstanceConfig type={type} instance={instance} />
        <ConnectionTestSlot instance={instance} test={test} />
      </div>
    </Card>
  );
}
