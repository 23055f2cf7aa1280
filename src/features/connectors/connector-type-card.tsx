import { useState } from 'react';
import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { useInstancePage } from '@/data/connectors/get-instances';
import { toPageQuery, type ListSearch } from '@/lib/list-search';
import { ValueBadge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { InvalidListItems } from '@/ui/invalid-rows';
import { PagedList } from '@/ui/paged-list';
import { Card } from '@/ui/card';
import { DeleteInstanceDialog } from './delete-instance-dialog';
import { InstanceDialog } from './instance-dialog';
import { InstanceRow } from './instance-row';

const CATEGORY_TONES = { database: 'info', storage: 'info', http: 'info' } as const;

/** One catalog entry: what the type is, what it needs, what it can do, and its instances, a page at a time. */
export function ConnectorTypeCard({
  scope,
  type,
  readOnly,
  search,
  onSearchChange,
}: {
  scope: Scope;
  type: ConnectorTypeRead;
  readOnly: boolean;
  /** This type's page, and the search over every type's instances. */
  search: ListSearch;
  onSearchChange: (next: Partial<ListSearch>) => void;
}) {
  const instances = useInstancePage(scope, type.id, toPageQuery(search));
  // One dialog at a time: creating (instance null) or editing an instance, or deleting one.
  const [dialog, setDialog] = useState<
    { kind: 'edit'; instance: ConnectorInstanceRead | null } | { kind: 'delete'; instance: ConnectorInstanceRead } | null
  >(null);
  const titleId = `connector-${type.id}-title`;

  return (
    <Card
      id={titleId}
      className="connector-card"
      heading={
        <>
          {type.name} <ValueBadge value={type.category} tones={CATEGORY_TONES} />
        </>
      }
      subtitle={type.description}
      actions={
        !readOnly && (
          <Button variant="primary" onClick={() => setDialog({ kind: 'edit', instance: null })}>
            New {type.name} instance
          </Button>
        )
      }
    >
      <div className="spec-grid">
        <div>
          <h3 id={`${type.id}-fields`}>Fields</h3>
          <ul className="inline-list" aria-labelledby={`${type.id}-fields`}>
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
          <ul className="inline-list" aria-labelledby={`${type.id}-operations`}>
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
      <PagedList
        query={instances}
        search={search}
        onSearchChange={onSearchChange}
        noun={`${type.name} instances`}
        empty={<p className="muted">No {type.name} instances yet.</p>}
      >
        {({ items, invalid }) => (
          <ul className="instance-list" aria-label={`${type.name} instances`}>
            {items.map((instance) => (
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
            <InvalidListItems rows={invalid} noun="Instance" />
          </ul>
        )}
      </PagedList>

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
    </Card>
  );
}
