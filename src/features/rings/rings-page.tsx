import './rings.css';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { useSuspenseRings } from '@/data/rings/get-rings';
import { useWhoami } from '@/data/auth/get-whoami';
import { Button } from '@/ui/button';
import { EmptyState } from '@/ui/states';
import type { Ring } from '@/contract/rings';
import { roleReason } from '@/lib/permissions';
import { useMoveRing } from '@/data/rings/move-ring';
import { useRingUsage } from '@/data/rings/get-ring-usage';
import { DeleteRingDialog } from './delete-ring-dialog';
import { PromotionPath } from './promotion-path';
import { RingDialog } from './ring-dialog';
import { RingServices } from './ring-services';
import type { WorkspaceProps } from '@/lib/route-props';

type Editing = { ring: Ring | null } | null;

/** The workspace's deployment rings in promotion order; admins create, edit, reorder and delete them. */
export function RingsPage({ scope }: WorkspaceProps) {
  const rings = useSuspenseRings(scope);
  const me = useWhoami();
  const usage = useRingUsage(scope);
  const move = useMoveRing(scope);
  const readOnlyReason = roleReason(me.role, 'ring:write');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Ring | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ ringId: string; index: number; direction: -1 | 1 } | null>(null);

  // Reordering rows moves their DOM nodes, which drops the focus: put it back on the
  // moved ring's button once the list shows the ring at its new place.
  useEffect(() => {
    // Wait for the move to settle too: its buttons are disabled until then, and a disabled button takes no focus.
    if (!focusAfterMove || move.isPending || rings.findIndex((r) => r.id === focusAfterMove.ringId) !== focusAfterMove.index) return;
    const row = tableRef.current?.querySelector<HTMLElement>(`[data-ring-id="${focusAfterMove.ringId}"]`);
    const same = row?.querySelector<HTMLButtonElement>(focusAfterMove.direction < 0 ? '[data-move="up"]' : '[data-move="down"]');
    const other = row?.querySelector<HTMLButtonElement>(focusAfterMove.direction < 0 ? '[data-move="down"]' : '[data-move="up"]');
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfterMove(null);
  }, [rings, focusAfterMove, move.isPending]);

  const moveRing = (ring: Ring, index: number, direction: -1 | 1) => {
    const neighbour = rings[index + direction];
    if (!neighbour) return;
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

  return (
    <section className="page" aria-labelledby="rings-title">
      <header className="page-header">
        <div>
          <h1 id="rings-title">Rings</h1>
          <p className="page-subtitle">Deployment rings in promotion order: a version is promoted from the first ring to the last.</p>
        </div>
        {!readOnlyReason && (
          <Button variant="primary" onClick={() => setEditing({ ring: null })}>
            New ring
          </Button>
        )}
      </header>
      {readOnlyReason && (
        <p className="notice" role="note">
          {readOnlyReason} Rings are shown read-only.
        </p>
      )}

      {rings.length === 0 ? (
        <EmptyState title="No rings yet" action={!readOnlyReason && <Button variant="primary" onClick={() => setEditing({ ring: null })}>New ring</Button>}>
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
          <div className="table-wrap" aria-busy={move.isPending || undefined}>
            <table className="table rings-table" ref={tableRef}>
              <caption className="visually-hidden">Rings in promotion order</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Order
                  </th>
                  <th scope="col">Ring</th>
                  <th scope="col">Description</th>
                  <th scope="col">Used by</th>
                  {!readOnlyReason && (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rings.map((ring, index) => {
                  const users = usage.data?.byRing.get(ring.id) ?? [];
                  const inUse = users.length > 0;
                  return (
                    <tr key={ring.id} data-ring-id={ring.id}>
                      <td className="num">{index + 1}</td>
                      <th scope="row" className="mono ring-name">
                        {ring.name}
                      </th>
                      <td>{ring.description ? ring.description : <span className="muted">—</span>}</td>
                      <td id={`ring-users-${ring.id}`}>
                        <RingServices loading={usage.isPending} services={users} complete={usage.data?.complete ?? true} />
                      </td>
                      {!readOnlyReason && (
                        <td>
                          <div className="row-actions">
                            <Button
                              size="sm"
                              variant="ghost"
                              data-move="up"
                              aria-label={`Move ${ring.name} up`}
                              title="Move up"
                              disabled={index === 0 || move.isPending}
                              onClick={() => moveRing(ring, index, -1)}
                            >
                              <span aria-hidden="true">↑</span>
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              data-move="down"
                              aria-label={`Move ${ring.name} down`}
                              title="Move down"
                              disabled={index === rings.length - 1 || move.isPending}
                              onClick={() => moveRing(ring, index, 1)}
                            >
                              <span aria-hidden="true">↓</span>
                            </Button>
                            <Button size="sm" aria-label={`Edit ${ring.name}`} onClick={() => setEditing({ ring })}>
                              Edit
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              className="btn-danger-text"
                              aria-label={`Delete ${ring.name}`}
                              disabled={inUse}
                              title={inUse ? 'In use: move its services to another ring first' : undefined}
                              aria-describedby={inUse ? `ring-users-${ring.id}` : undefined}
                              onClick={() => setDeleting(ring)}
                            >
                              Delete
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
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
        </>
      )}

      {!readOnlyReason && (
        <>
          <RingDialog scope={scope} ring={editing?.ring ?? null} open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} />
          {deleting && <DeleteRingDialog scope={scope} ring={deleting} onClose={() => setDeleting(null)} />}
        </>
      )}
    </section>
  );
}
