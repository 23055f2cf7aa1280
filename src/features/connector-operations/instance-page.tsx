import './connector-operations.css';
import { Link } from '@tanstack/react-router';
import { useWhoami } from '@/data/auth/get-whoami';
import { useConnectorTypes } from '@/data/connectors/get-connector-types';
import { useInstance } from '@/data/connectors/get-instance';
import { can } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';
import { EmptyState } from '@/ui/states';
import { Page } from '@/ui/page';
import { DdlCard } from './ddl-card';
import { DdlHistory } from './ddl-history';
import { OperationsCard } from './operations-card';

export type InstanceProps = WorkspaceProps & {
  connectorId: string;
  instanceId: string;
  /** The operation picked, from the URL (`?operation=`). */
  operationId: string | undefined;
  onOperationChange: (operationId: string) => void;
  /** What the instance connects to, above its operations (the connectors feature's; the route composes them). */
  connection?: React.ReactNode;
};

/**
 * A connector instance's page (CONTRACT §14): run its operations and read
 * what they answer; for an SQL instance, preview and run DDL, and read who
 * changed its schema, when and why.
 */
export function InstancePage({ scope, connectorId, instanceId, operationId, onOperationChange, connection }: InstanceProps) {
  const types = useConnectorTypes(scope);
  const instance = useInstance(scope, connectorId, instanceId);
  const me = useWhoami();
  const type = types.find((t) => t.id === connectorId);

  if (!type) {
    return (
      <section className="page" aria-labelledby="instance-title">
        <h1 id="instance-title">{instance.name}</h1>
        <EmptyState title="Not in the catalog">
          <p>
            The platform’s connector catalog has no type <span className="mono">{connectorId}</span> any more, so its operations are not
            known.
          </p>
        </EmptyState>
      </section>
    );
  }
  const sql = type.category === 'database';

  return (
    <Page
      id="instance-title"
      title={instance.name}
      subtitle={
        <>
          {type.name} instance{instance.description ? ` · ${instance.description}` : ''} ·{' '}
          <Link to="/orgs/$orgId/workspaces/$workspaceId/connectors" params={scope}>
            All connectors
          </Link>
        </>
      }
    >
      {connection}
      <OperationsCard
        scope={scope}
        type={type}
        instanceId={instance.id}
        operationId={operationId}
        onOperationChange={onOperationChange}
        readOnly={can(me.role, 'connector:execute') ? null : me.role}
      />
      {sql && (
        <>
          <DdlCard scope={scope} connectorId={type.id} instance={instance} typeName={type.name} role={me.role} />
          <DdlHistory scope={scope} connectorId={type.id} instanceId={instance.id} />
        </>
      )}
    </Page>
  );
}
