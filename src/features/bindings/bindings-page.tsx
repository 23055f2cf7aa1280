import './bindings.css';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { useService } from '@/data/services/get-service';
import { useWhoami } from '@/data/auth/get-whoami';
import { MermaidDiagram } from '@/ui/mermaid-diagram';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { roleReason } from '@/lib/permissions';
import { useAllInstances } from '@/data/connectors/get-all-instances';
import { useUpdateService } from '@/data/services/update-service';
import { bindingsDefinition } from './bindings-diagram';
import { BindingDialog } from './binding-dialog';
import type { ServiceProps } from '@/lib/route-props';

type Editing = { name: string | null } | null;

/** The Bindings tab: which connector instances the service reaches, under which names and roles. */
export function BindingsPage({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  const me = useWhoami();
  const instances = useAllInstances(scope);
  const save = useUpdateService(scope, serviceId);
  const readOnlyReason = roleReason(me.role, 'service:write');
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const byId = useMemo(() => new Map((instances.data ?? []).map((b) => [b.instance.id, b])), [instances.data]);
  const bindings = Object.entries(service.connector_bindings).sort(([a], [b]) => a.localeCompare(b));
  const removingBinding = removing ? service.connector_bindings[removing] : undefined;

  const remove = () => {
    if (!removing) return;
    const next = { ...service.connector_bindings };
    delete next[removing];
    save.mutate({ connector_bindings: next }, {
      onSuccess: () => {
        toast.success(`Binding ${removing} removed`);
        setRemoving(null);
      },
    });
  };

  const addButton = !readOnlyReason && (
    <Button variant="primary" onClick={() => setEditing({ name: null })} disabled={!instances.data}>
      Add binding
    </Button>
  );

  return (
    <div className="stack">
      <div className="section-header">
        <div>
          <h2>Connector bindings</h2>
          <p className="muted card-subtitle">Bound connectors reach endpoint code through the execution context, by binding name.</p>
        </div>
        {bindings.length > 0 && addButton}
      </div>
      {readOnlyReason && (
        <p className="notice" role="note">
          {readOnlyReason} Bindings are shown read-only.
        </p>
      )}
      {instances.isError && <ErrorState title="Connector instances could not be loaded" error={instances.error} onRetry={() => void instances.refetch()} />}

      {bindings.length === 0 ? (
        <EmptyState title="No bindings" action={addButton}>
          <p>
            This service reaches no connector. Bind a database, a bucket or an API configured under{' '}
            <Link to="/orgs/$orgId/workspaces/$workspaceId/connectors" params={scope}>
              Connectors
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        <>
          <section className="card" aria-labelledby="bindings-diagram-title">
            <h3 id="bindings-diagram-title" className="card-heading">
              {service.name} and its connectors
            </h3>
            {instances.isPending ? (
              <Skeleton height="140px" />
            ) : (
              <MermaidDiagram
                definition={bindingsDefinition(service, (id) => byId.get(id))}
                label={`${service.name} is bound to: ${bindings.map(([name, b]) => `${name} (${byId.get(b.connector_instance_id)?.instance.name ?? 'missing instance'}, ${b.role})`).join('; ')}`}
              />
            )}
            <p className="muted diagram-legend">Solid edge: read_write. Dotted edge: read_only.</p>
          </section>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Connector bindings of {service.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Binding</th>
                  <th scope="col">Connector instance</th>
                  <th scope="col">Role</th>
                  {!readOnlyReason && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {bindings.map(([name, binding]) => {
                  const target = byId.get(binding.connector_instance_id);
                  return (
                    <tr key={name}>
                      <td className="mono binding-name">{name}</td>
                      <td>
                        {instances.isPending ? (
                          <Skeleton width="8rem" />
                        ) : target ? (
                          <>
                            {target.instance.name} <span className="muted">· {target.type.name}</span>
                          </>
                        ) : (
                          <Badge tone="danger">missing instance</Badge>
                        )}
                      </td>
                      <td>
                        <Badge tone={binding.role === 'read_write' ? 'warning' : 'info'}>{binding.role}</Badge>
                      </td>
                      {!readOnlyReason && (
                        <td>
                          <div className="row-actions">
                            <Button size="sm" onClick={() => setEditing({ name })} aria-label={`Edit binding ${name}`} disabled={!instances.data}>
                              Edit
                            </Button>
                            <Button size="sm" variant="ghost" className="btn-danger-text" onClick={() => setRemoving(name)} aria-label={`Remove binding ${name}`}>
                              Remove
                            </Button>
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {!readOnlyReason && instances.data && (
        <BindingDialog
          key={editing?.name ?? '(new)'}
          scope={scope}
          service={service}
          editing={editing?.name ?? null}
          instances={instances.data}
          open={editing !== null}
          onOpenChange={(open) => !open && setEditing(null)}
        />
      )}
      {!readOnlyReason && (
        <ConfirmDialog
          open={removing !== null}
          onOpenChange={(open) => {
            if (!open) {
              setRemoving(null);
              save.reset();
            }
          }}
          title={`Remove binding ${removing ?? ''}?`}
          actionLabel="Remove binding"
          pending={save.isPending}
          error={save.error?.message}
          onConfirm={remove}
        >
          <p>
            <span className="mono">{removing}</span> will no longer be in the service's execution context
            {removingBinding && byId.get(removingBinding.connector_instance_id) ? `, so it loses access to ${byId.get(removingBinding.connector_instance_id)!.instance.name}` : ''}. Endpoint
            code that uses it will fail. The connector instance itself is kept.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
