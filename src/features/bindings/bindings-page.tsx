import './bindings.css';
import { Link } from '@tanstack/react-router';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { toast } from 'sonner';
import { useWhoami } from '@/data/auth/get-whoami';
import { useAllInstances } from '@/data/connectors/get-all-instances';
import { useService } from '@/data/services/get-service';
import { useUpdateService } from '@/data/services/update-service';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { MermaidDiagram } from '@/ui/mermaid-diagram';
import { Notice } from '@/ui/notice';
import { RowActions } from '@/ui/row-actions';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { TableHead } from '@/ui/table-head';
import { BindingDialog } from './binding-dialog';
import { bindingsDefinition } from './bindings-diagram';
import { bindingsToWrite } from './bindings-write';

/** A phone's width, as the stylesheets' breakpoint has it. */
const NARROW = '(max-width: 760px)';
const narrowQuery = () => (typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : null);
const subscribeNarrow = (onChange: () => void) => {
  const query = narrowQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
};

/** The Bindings tab: which connector instances the service reaches, under which names and roles. */
export function BindingsPage({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  const me = useWhoami();
  const instances = useAllInstances(scope);
  const save = useUpdateService(scope, serviceId);
  const readOnlyReason = roleReason(me.role, 'service:write');
  // One dialog at a time: adding or editing a binding (name null: a new one), or removing one.
  const [dialog, setDialog] = useState<{ kind: 'edit'; name: string | null } | { kind: 'remove'; name: string } | null>(null);
  const removing = dialog?.kind === 'remove' ? dialog.name : null;

  const narrow = useSyncExternalStore(subscribeNarrow, () => narrowQuery()?.matches ?? false);
  const byId = useMemo(() => new Map((instances.data ?? []).map((b) => [b.instance.id, b])), [instances.data]);
  const bindings = Object.entries(service.connector_bindings).sort(([a], [b]) => a.localeCompare(b));
  const removingBinding = removing ? service.connector_bindings[removing] : undefined;

  const withoutRemoved = () => Object.fromEntries(Object.entries(service.connector_bindings).filter(([name]) => name !== removing));

  const addButton = !readOnlyReason && (
    <Button variant="primary" onClick={() => setDialog({ kind: 'edit', name: null })} disabled={!instances.data}>
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
      <Notice reason={readOnlyReason}>Bindings are shown read-only.</Notice>
      {instances.isError && (
        <ErrorState title="Connector instances could not be loaded" error={instances.error} onRetry={() => void instances.refetch()} />
      )}

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
                definition={bindingsDefinition(service, (id) => byId.get(id), narrow ? 'TB' : 'LR')}
                label={`${service.name} is bound to: ${bindings.map(([name, b]) => `${name} (${byId.get(b.connector_instance_id)?.instance.name ?? 'missing instance'}, ${b.role})`).join('; ')}`}
              />
            )}
            <p className="muted diagram-legend">Solid edge: read_write. Dotted edge: read_only.</p>
          </section>
          <div className="table-wrap">
            <table className="table table-records bindings-table">
              <caption className="visually-hidden">Connector bindings of {service.name}</caption>
              <TableHead columns={['Binding', 'Connector instance', 'Role', !readOnlyReason && { label: 'Actions', hidden: true }]} />
              <tbody>
                {bindings.map(([name, binding]) => {
                  const target = byId.get(binding.connector_instance_id);
                  return (
                    <tr key={name}>
                      <td className="mono binding-name">{name}</td>
                      <td className="binding-instance">
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
                      <td className="binding-role">
                        <Badge tone={binding.role === 'read_write' ? 'warning' : 'info'}>{binding.role}</Badge>
                      </td>
                      {!readOnlyReason && (
                        <td className="binding-actions">
                          <RowActions
                            edit={{
                              label: `Edit binding ${name}`,
                              onClick: () => setDialog({ kind: 'edit', name }),
                              disabled: !instances.data,
                            }}
                            remove={{ text: 'Remove', label: `Remove binding ${name}`, onClick: () => setDialog({ kind: 'remove', name }) }}
                          />
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
          key={dialog?.kind === 'edit' ? (dialog.name ?? '(new)') : '(closed)'}
          scope={scope}
          service={service}
          editing={dialog?.kind === 'edit' ? dialog.name : null}
          instances={instances.data}
          open={dialog?.kind === 'edit'}
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
      {!readOnlyReason && (
        <ConfirmAction
          open={removing !== null}
          state={save}
          run={() => save.mutateAsync({ connector_bindings: bindingsToWrite(withoutRemoved()) })}
          onDone={() => toast.success(`Binding ${removing} removed`)}
          onClose={() => setDialog(null)}
          title={`Remove binding ${removing ?? ''}?`}
          actionLabel="Remove binding"
        >
          <p>
            <span className="mono">{removing}</span> will no longer be in the service's execution context
            {removingBinding && byId.get(removingBinding.connector_instance_id)
              ? `, so it loses access to ${byId.get(removingBinding.connector_instance_id)!.instance.name}`
              : ''}
            . Endpoint code that uses it will fail. The connector instance itself is kept.
          </p>
        </ConfirmAction>
      )}
    </div>
  );
}
