/**
 * Deployment rings (CONTRACT §6): names unique in the workspace, positions
 * always 0..n-1 (an insert or a move shifts the others, a delete closes the
 * gap), and a ring that services use cannot be deleted.
 */
import type { Ring } from '../../src/contract/rings';
import { conflict } from '../core/errors';
import { nameList } from '../core/lists';
import type { RingRecord } from './records';
import type { Store } from '../core/store';

export const toRing = ({ org_id: _o, workspace_id: _w, ...ring }: RingRecord): Ring => ring;

export function assertUniqueRingName(store: Store, workspaceId: string, name: string, exceptId?: string): void {
  if (store.ringsOf(workspaceId).some((r) => r.id !== exceptId && r.name === name)) {
    throw conflict([{ loc: ['body', 'name'], msg: `A ring named '${name}' already exists in this workspace`, type: 'conflict' }]);
  }
}

/**
 * Put `moving` at `position` (clamped to the end) among the workspace's other
 * rings and renumber them all 0..n-1; rings whose position changes are saved.
 */
export function placeRing(store: Store, moving: RingRecord, position: number | undefined, now: string): RingRecord {
  const others = store.ringsOf(moving.workspace_id).filter((r) => r.id !== moving.id);
  const at = Math.min(position ?? others.length, others.length);
  const order = [...others.slice(0, at), moving, ...others.slice(at)];
  let placed = moving;
  order.forEach((r, i) => {
    if (r === moving) placed = store.rings.put({ ...moving, position: i });
    else if (r.position !== i) store.rings.put({ ...r, position: i, updated_at: now });
  });
  return placed;
}

/** Delete a ring no service uses, closing the gap in the positions. */
export function deleteRing(store: Store, ring: RingRecord, now: string): void {
  const users: string[] = [];
  for (const s of store.services.in('workspace', ring.workspace_id)) if (s.ring_id === ring.id) users.push(s.slug);
  users.sort();
  if (users.length) {
    throw conflict(
      `Ring ${ring.name} is used by ${users.length} ${users.length === 1 ? 'service' : 'services'}: ${nameList(users)}; move them first`,
    );
  }
  store.rings.delete(ring.id);
  store.ringsOf(ring.workspace_id).forEach((x, i) => {
    if (x.position !== i) store.rings.put({ ...x, position: i, updated_at: now });
  });
}
