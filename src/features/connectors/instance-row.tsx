import { Link } from '@tanstack/react-router';
import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { useTestInstance } from '@/data/connectors/test-instance';
import { Button } from '@/ui/button';
import { InstanceDetails, TestConnectionButton } from './instance-config';

/** An instance: its non-secret configuration, which secrets are set, its last connection test, and its actions. */
export function InstanceRow({
  scope,
  type,
  instance,
  readOnly,
  onEdit,
  onDelete,
}: {
  scope: Scope;
  type: ConnectorTypeRead;
  instance: ConnectorInstanceRead;
  readOnly: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const test = useTestInstance(scope, type.id, instance.id);
  const nameId = `instance-${instance.id}-name`;
  const page = {
    to: '/orgs/$orgId/workspaces/$workspaceId/connectors/$connectorId/instances/$instanceId',
    params: { ...scope, connectorId: type.id, instanceId: instance.id },
  } as const;

  return (
    <li className="instance" aria-labelledby={nameId}>
      {/* Name and actions on one line, the configuration and the last test under them: each gets the row's whole width. */}
      <div className="instance-head">
        <div className="instance-title">
          <h4 id={nameId} className="instance-name">
            <Link {...page} className="row-link">
              {instance.name}
            </Link>
          </h4>
          {instance.description && <p className="muted instance-description">{instance.description}</p>}
        </div>
        <div className="instance-actions">
          <Link {...page} className="btn btn-secondary btn-sm" aria-label={`Operations of ${instance.name}`}>
            Operations
          </Link>
          {!readOnly && (
            <>
              <TestConnectionButton instance={instance} test={test} size="sm" />
              <Button size="sm" onClick={onEdit} aria-label={`Edit ${instance.name}`}>
                Edit
              </Button>
              <Button size="sm" variant="ghost" className="btn-danger-text" onClick={onDelete} aria-label={`Delete ${instance.name}`}>
                Delete
              </Button>
            </>
          )}
        </div>
      </div>
      <InstanceDetails type={type} instance={instance} test={test} />
    </li>
  );
}
