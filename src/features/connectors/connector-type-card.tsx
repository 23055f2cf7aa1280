import { useState } from 'react';
import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { useInstances } from '@/data/connectors/get-instances';
import { ValueBadge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { InvalidListItems } from '@/ui/invalid-rows';
import { Skeleton } from '@/ui/skeleton';
import { ErrorState } from '@/ui/states';
import { DeleteInstanceDialog } from './delete-instance-dialog';
import { InstanceDialog } from './instance-dialog';
import { InstanceRow } from './instance-row';

const CATEGORY_TONES = { database: 'info', storage: 'info', http: 'info' } as const;

/** One catalog entry: what the type is, what it needs, what it can do, and its instances. */
export function ConnectorTypeCard({ scope, type, readOnly }: { scope: Scope; type: ConnectorTypeRead; readOnly: boolean }) {
  const instances = useInstances(scope, type.id);
  // One dialog at a time: creating (instance null) or editing an instance, or deleting one.
  const [dialog, setDialog] = useState<
    { kind: 'edit'; instance: ConnectorInstanceRead | null } | { kind: 'delete'; instance: ConnectorInstanceRead } | null
  >(null);
  const titleId = `connector-${type.id}-title`;

  return (
    <section className="card connector-card" aria-labelledby={titleId}>
      <div className="card-header">
        <div>
          <h2 id={titleId}>
            {type.name} <ValueBadge value={type.category} tones={CATEGORY_TONES} />
          </h2>
          <p className="muted card-subtitle">{type.description}</p>
        </div>
        {!readOnly && (
          <Button variant="primary" onClick={() => setDialog({ kind: 'edit', instance: null })}>
            New {type.name} instance
          </Button>
        )}
      </div>

      <div className="spec-grid">
        <div>
          <h3 id={`${type.id}-fields`}>Fields</h3>
          <ul className="chips" aria-labelledby={`${type.id}-fields`}>
            {type.fields.map((f) => (
              <li key={f.name} className="chip" title={f.description ?? undefined}>
                <span className="mono">{f.name}</span>
                <span className="chip-meta">
                  {f.type}
                  {f.required ? ', required' : ''}
                  {f.secret ? ', secret' : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 id={`${type.id}-operations`}>Operations</h3>
          <ul className="chips" aria-labelledby={`${type.id}-operations`}>
            {(type.operations ?? []).map((o) => (
              <li key={o.id} className="chip" title={o.description ?? undefined}>
                <span className="mono">{o.id}</span>
                <span className="chip-meta">
                  {o.kind ? `${o.kind} · ` : ''}
                  {o.description ?? o.name}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      <h3 className="instances-title">Instances</h3>
      {instances.isPending ? (
        <Skeleton height="3rem" />
      ) : instances.isError ? (
        <ErrorState title="Instances could not be loaded" error={instances.error} onRetry={() => void instances.refetch()} />
      ) : instances.data.items.length === 0 && instances.data.invalid.length === 0 ? (
        <p className="muted">No {type.name} instances yet.</p>
      ) : (
        <ul className="instance-list" aria-label={`${type.name} instances`}>
          {instances.data.items.map((instance) => (
            <InstanceRow
              key={instance.id}
              scope={scope}
              type={type}
              instance={instance}
              readOnly={readOnly}
              onEdit={() => setDialog({ kind: 'edit', instance })}
              onDelete={() => setDialog({ kind: 'delete', instance })}
            />
          ))}
          <InvalidListItems rows={instances.data.invalid} noun="Instance" />
        </ul>
      )}

      {!readOnly && (
        <>
          <InstanceDialog
            scope={scope}
            type={type}
            instance={dialog?.kind === 'edit' ? dialog.instance : null}
            open={dialog?.kind === 'edit'}
            onOpenChange={(open) => !open && setDialog(null)}
          />
          {dialog?.kind === 'delete' && (
            <DeleteInstanceDialog scope={scope} type={type} instance={dialog.instance} onClose={() => setDialog(null)} />
          )}
        </>
      )}
    </section>
  );
}
