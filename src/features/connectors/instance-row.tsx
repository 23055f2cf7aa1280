import { Link } from '@tanstack/react-router';
import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { useTestInstance } from '@/data/connectors/test-instance';
import { Button } from '@/ui/button';
import { Detail } from '@/ui/details';
import { TestResult } from './test-result';

/** Characters past which a configuration value does not fit half the row. */
const LONG_VALUE = 32;

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
  const result = test.data ?? instance.last_test;
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
              <Button size="sm" pending={test.isPending} onClick={() => test.mutate()} aria-label={`Test connection to ${instance.name}`}>
                Test connection
              </Button>
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
      <div className="instance-body">
        <dl className="instance-config">
          {type.fields.map((f) => {
            const value = instance.config[f.name];
            // A long value (a cloud database's endpoint, a base URL) takes the row's width, so it reads on one line.
            return (
              <Detail key={f.name} term={f.label} mono wide={!f.secret && String(value ?? '').length > LONG_VALUE}>
                {f.secret ? (
                  <span className="muted">{(instance.secrets_set ?? []).includes(f.name) ? 'set' : 'not set'}</span>
                ) : value === undefined || value === '' ? (
                  <span className="muted">—</span>
                ) : (
                  String(value)
                )}
              </Detail>
            );
          })}
        </dl>
        <div className="test-result-slot" role="status" aria-live="polite" aria-label={`Connection test of ${instance.name}`}>
          {test.isError ? (
            <p className="test-result test-failed">Could not run the test: {test.error.message}</p>
          ) : result ? (
            <TestResult result={result} />
          ) : (
            <p className="muted test-result">Not tested yet</p>
          )}
        </div>
      </div>
    </li>
  );
}
