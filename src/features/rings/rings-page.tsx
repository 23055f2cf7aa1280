import './rings.css';
import { Fragment, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { RingRead } from '@/contract/rings';
import { useWhoami } from '@/data/auth/get-whoami';
import { useRingUsage } from '@/data/rings/get-ring-usage';
import { useRingsPage, useSuspenseRings } from '@/data/rings/get-rings';
import { useMoveRing } from '@/data/rings/move-ring';
import { toPageQuery, type ListSearch } from '@/lib/list-search';
import { roleReason } from '@/lib/permissions';
import type { SearchProps, WorkspaceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { InvalidTableRows } from '@/ui/invalid-rows';
import { Notice } from '@/ui/notice';
import { SearchedPagedList } from '@/ui/paged-list';
import { RowActions } from '@/ui/row-actions';
import { EmptyState } from '@/ui/states';
import { TableHead } from '@/ui/table-head';
import { Page } from '@/ui/page';
import { DeleteRingDialog } from './delete-ring-dialog';
import { PromotionPath } from './promotion-path';
import { RingDialog } from './ring-dialog';
import { RingServices } from './ring-services';

const MOVES = [
  { direction: -1, word: 'up', arrow: '↑' },
  { direction: 1, word: 'down', arrow: '↓' },
] as const;

async function copyId(ring: RingRead) {
  try {
    await navigator.clipboard.writeText(ring.id);
    toast.success(`Copied the ID of ${ring.name}`);
  } catch {
    toast.error('The browser did not allow copying. Select the ID and copy it.');
  }
}

/**
 * The workspace's deployment rings in promotion order, with their IDs; admins
 * create, edit, reorder and delete them. The path shows every ring; the table a page at a
 * time, searched, each ring with its place in the whole path (a move is to the
 * ring before or after it there, whatever the page shows).
 */
export function RingsPage({ scope, search, onSearchChange }: WorkspaceProps & SearchProps<ListSearch>) {
  // Every ring (the route's loader read them): the path, each ring's place in it, and the moves.
  const { items: rings, invalid: unreadable } = useSuspenseRings(scope);
  const page = useRingsPage(scope, toPageQuery(search));
  const me = useWhoami();
  const usage = useRingUsage(scope);
  const move = useMoveRing(scope);
  const readOnlyReason = roleReason(me.role, 'ring:write');
  // `position` is our decision: where the platform gives none, the order is its own and cannot be changed here.
  const movable = rings.every((r) => r.position !== null);
  // One dialog at a time: creating (ring null) or editing a ring, or deleting one.
  const [dialog, setDialog] = useState<{ kind: 'edit'; ring: RingRead | null } | { kind: 'delete'; ring: RingRead } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ ringId: string; index: number; direction: -1 | 1 } | null>(null);

  // Reordering rows moves their DOM nodes, which drops the focus: put it back on the
  // moved ring's button once the table shows the ring at its new place — on another
  // page if the move took it there (and no search hides where it went).
  useEffect(() => {
    // Wait for the move to settle too: its buttons are disabled until then, and a disabled button takes no focus.
    if (!focusAfterMove || move.isPending || page.isFetching) return;
    if (rings.findIndex((r) => r.id === focusAfterMove.ringId) !== focusAfterMove.index) return;
    const row = tableRef.current?.querySelector<HTMLElement>(`[data-ring-id="${focusAfterMove.ringId}"]`);
    if (!row) {
      const onPage = Math.floor(focusAfterMove.index / search.size) + 1;
      if (!search.q && onPage !== search.page) onSearchChange({ page: onPage });
      else setFocusAfterMove(null);
      return;
    }
    const same = row.querySelector<HTMLButtonElement>(focusAfterMove.direction < 0 ? '[data-move="up"]' : '[data-move="down"]');
    const other = row.querySelector<HTMLButtonElement>(focusAfterMove.direction < 0 ? '[data-move="down"]' : '[data-move="up"]');
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfterMove(null);
  }, [rings, page.data, page.isFetching, focusAfterMove, move.isPending, search, onSearchChange]);

  /** A ring's place in the whole path, from 0. */
  const placeOf = new Map(rings.map((r, i) => [r.id, i]));

  const moveRing = (ring: RingRead, index: number, direction: -1 | 1) => {
    const neighbour = rings[index + direction];
    if (!neighbour || neighbour.position === null) return;
    move.mutate(
      { ringId: ring.id, position: neighbour.position },
      {
        onSuccess: () => {
          const place = index + direction + 1;
          setAnnouncement(`${ring.name} moved to position ${place} of ${rings.length}.`);
          // Keep the keyboard on the ring that moved, once its row has moved (see the effect below).
          setFocusAfterMove({ ringId: ring.id, index: index + direction, direction });
        },
        onError: (e) => toast.error(`Could not move ${ring.name}: ${e.message}`),
      },
    );
  };

  // In the header, and again in the empty page's middle.
  const newRing = !readOnlyReason && (
    <Button variant="primary" onClick={() => setDialog({ kind: 'edit', ring: null })}>
      New ring
    </Button>
  );

  return (
    <Page
      id="rings-title"
      title="Rings"
      subtitle="Deployment rings in promotion order: a version is promoted from the first ring to the last."
      actions={newRing}
    >
      <Notice reason={readOnlyReason}>Rings are shown read-only.</Notice>

      {rings.length === 0 && unreadable.length === 0 ? (
        <EmptyState title="No rings yet" action={newRing}>
          <p>Invocation services need a ring to run in. Start with dev, staging and prod.</p>
        </EmptyState>
      ) : (
        <>
          <section className="card" aria-labelledby="path-title">
            <h2 id="path-title" className="card-heading">
              Promotion path
            </h2>
            <PromotionPath rings={rings} />
          </section>
          <SearchedPagedList
            placeholder="Search by name or description"
            query={page}
            search={search}
            onSearchChange={onSearchChange}
            noun="rings"
            empty={<EmptyState title="No rings yet" />}
          >
            {({ items, invalid }) => (
              <div className="table-wrap" aria-busy={move.isPending || undefined}>
                <table className="table rings-table" ref={tableRef}>
                  <caption className="visually-hidden">Rings in promotion order</caption>
                  <TableHead
                    columns={[
                      { label: 'Order', className: 'num' },
                      'Ring',
                      'Ring ID',
                      'Description',
                      'Used by',
                      !readOnlyReason && { label: 'Actions', hidden: true },
                    ]}
                  />
                  <tbody>
                    {items.map((ring) => {
                      const users = usage.data?.byRing.get(ring.id) ?? [];
                      const inUse = users.length > 0;
                      // Its place in the whole path (a ring the path does not hold yet, just created, goes by its own).
                      const index = placeOf.get(ring.id) ?? -1;
                      return (
                        <tr key={ring.id} data-ring-id={ring.id}>
                          <td className="num">{index >= 0 ? index + 1 : '—'}</td>
                          <th scope="row" className="mono">
                            {ring.name}
                          </th>
                          <td>
                            {/* What seed 000's create payload asks for (`ring_id`), and sends people here to find. */}
                            <span className="ring-id">
                              <code>
                                {/* Break opportunities after each hyphen that add nothing to a copy of the text. */}
                                {ring.id.split('-').map((part, i, parts) => (
                                  <Fragment key={i}>
                                    {part}
                                    {i < parts.length - 1 && (
                                      <>
                                        -<wbr />
                                      </>
                                    )}
                                  </Fragment>
                                ))}
                              </code>
                              <Button
                                size="sm"
                                variant="ghost"
                                aria-label={`Copy the ID of ${ring.name}`}
                                onClick={() => void copyId(ring)}
                              >
                                Copy
                              </Button>
                            </span>
                          </td>
                          <td>{ring.description ? ring.description : <span className="muted">—</span>}</td>
                          <td id={`ring-users-${ring.id}`}>
                            <RingServices
                              scope={scope}
                              loading={usage.isPending}
                              services={users}
                              complete={usage.data?.complete ?? true}
                            />
                          </td>
                          {!readOnlyReason && (
                            <td>
                              <RowActions
                                edit={{ label: `Edit ${ring.name}`, onClick: () => setDialog({ kind: 'edit', ring }) }}
                                remove={{
                                  label: `Delete ${ring.name}`,
                                  onClick: () => setDialog({ kind: 'delete', ring }),
                                  disabled: inUse,
                                  title: inUse ? 'In use: move its services to another ring first' : undefined,
                                  describedBy: inUse ? `ring-users-${ring.id}` : undefined,
                                }}
                              >
                                {MOVES.map(({ direction, word, arrow }) => (
                                  <Button
                                    key={word}
                                    size="sm"
                                    variant="ghost"
                                    data-move={word}
                                    aria-label={`Move ${ring.name} ${word}`}
                                    title={
                                      movable ? `Move ${word}` : 'The platform gives no ring positions, so the order cannot be changed here'
                                    }
                                    disabled={!movable || index < 0 || !rings[index + direction] || move.isPending}
                                    onClick={() => moveRing(ring, index, direction)}
                                  >
                                    <span aria-hidden="true">{arrow}</span>
                                  </Button>
                                ))}
                              </RowActions>
                            </td>
                          )}
                        </tr>
                      );
                    })}
                    <InvalidTableRows rows={invalid} columns={readOnlyReason ? 5 : 6} noun="Ring" />
                  </tbody>
                </table>
              </div>
            )}
          </SearchedPagedList>
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
        </>
      )}

      {!readOnlyReason && (
        <>
          <RingDialog
            scope={scope}
            ring={dialog?.kind === 'edit' ? dialog.ring : null}
            open={dialog?.kind === 'edit'}
            onOpenChange={(open) => !open && setDialog(null)}
          />
          {dialog?.kind === 'delete' && <DeleteRingDialog scope={scope} ring={dialog.ring} onClose={() => setDialog(null)} />}
        </>
      )}
    </Page>
  );
}
