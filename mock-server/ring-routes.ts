/**
 * Deployment rings (CONTRACT §6): create, get, update, delete. The list (with
 * `?name=` to resolve one, seed 004) is in routes.ts. Positions are always
 * 0..n-1: an insert or a move shifts the others, a delete closes the gap.
 */
import { randomUUID } from 'node:crypto';
import { paths, type Scope } from '../src/contract/paths';
import { Ring, RingCreate, RingUpdate } from '../src/contract/rings';
import type { Workspace } from '../src/contract/organizations';
import { ROLE_ADMIN } from './auth';
import { nameList } from './connector-rules';
import { conflict } from './errors';
import { defineRoute, must, noContent, reply, type AnyRoute } from './route';
import type { RingRecord, Store } from './store';

const hono = (p: string) => decodeURIComponent(p);
const SCOPE: Scope = { orgId: ':org_id', workspaceId: ':workspace_id' };
const RINGS = hono(paths.rings(SCOPE));
const RING = hono(paths.ring(SCOPE, ':ring_id'));

const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
const E403 = { description: "The caller's role may not do this (rings are managed by admins)" };
const E404 = { description: 'Not found' };
const E422 = { description: 'Validation error' };

const isoNow = () => new Date().toISOString();

export const toRing = ({ org_id: _o, workspace_id: _w, ...ring }: RingRecord): Ring => ring;

const nameConflict = (name: string) => conflict([{ loc: ['body', 'name'], msg: `A ring named '${name}' already exists in this workspace`, type: 'conflict' }]);

function assertUniqueName(store: Store, workspaceId: string, name: string, exceptId?: string): void {
  if (store.ringsOf(workspaceId).some((r) => r.id !== exceptId && r.name === name)) throw nameConflict(name);
}

/**
 * Put `moving` at `position` (clamped to the end) among the workspace's other
 * rings and renumber them all 0..n-1; rings whose position changes are saved.
 */
function placeRing(store: Store, ws: Workspace, moving: RingRecord, position: number | undefined, now: string): RingRecord {
  const others = store.ringsOf(ws.id).filter((r) => r.id !== moving.id);
  const at = Math.min(position ?? others.length, others.length);
  const order = [...others.slice(0, at), moving, ...others.slice(at)];
  let placed = moving;
  order.forEach((r, i) => {
    if (r === moving) {
      placed = { ...moving, position: i };
      store.rings.set(placed.id, placed);
    } else if (r.position !== i) {
      store.rings.set(r.id, { ...r, position: i, updated_at: now });
    }
  });
  store.changed();
  return placed;
}

/** Services of the workspace on the ring, by slug. */
function servicesOn(store: Store, ring: RingRecord): string[] {
  const slugs: string[] = [];
  for (const s of store.services.values()) if (s.workspace_id === ring.workspace_id && s.ring_id === ring.id) slugs.push(s.slug);
  return slugs.sort();
}

export const RING_ROUTES: AnyRoute[] = [
  defineRoute({
    method: 'post',
    path: RINGS,
    operationId: 'createRing',
    summary: 'Create a deployment ring (position omitted: last; others shift to make room)',
    tags: ['rings'],
    auth: 'bearer',
    roles: ROLE_ADMIN,
    action: 'manage rings',
    body: RingCreate,
    idempotent: true,
    responses: { 201: { description: 'Created', schema: Ring }, 401: E401, 403: E403, 404: E404, 409: { description: 'A ring with this name exists in the workspace' }, 422: E422 },
    handler: ({ store, workspace, body, c }) => {
      const ws = must(workspace);
      assertUniqueName(store, ws.id, body.name);
      const now = isoNow();
      const rec: RingRecord = { id: randomUUID(), org_id: ws.org_id, workspace_id: ws.id, name: body.name, description: body.description ?? null, position: 0, created_at: now, updated_at: now };
      const placed = placeRing(store, ws, rec, body.position, now);
      return reply(201, Ring, toRing(placed), { Location: `${c.req.path}/${rec.id}` });
    },
  }),
  defineRoute({
    method: 'get',
    path: RING,
    operationId: 'getRing',
    summary: 'Get a deployment ring',
    tags: ['rings'],
    auth: 'bearer',
    responses: { 200: { description: 'The ring', schema: Ring }, 401: E401, 404: E404 },
    handler: ({ ring }) => reply(200, Ring, toRing(must(ring))),
  }),
  defineRoute({
    method: 'put',
    path: RING,
    operationId: 'updateRing',
    summary: 'Update a ring (partial): rename (unique), describe, or move it in the promotion path',
    tags: ['rings'],
    auth: 'bearer',
    roles: ROLE_ADMIN,
    action: 'manage rings',
    body: RingUpdate,
    responses: { 200: { description: 'The updated ring', schema: Ring }, 401: E401, 403: E403, 404: E404, 409: { description: 'A ring with this name exists in the workspace' }, 422: E422 },
    handler: ({ store, workspace, ring, body }) => {
      const ws = must(workspace);
      const r = must(ring);
      if (body.name !== undefined) assertUniqueName(store, ws.id, body.name, r.id);
      const now = isoNow();
      const merged: RingRecord = {
        ...r,
        name: body.name ?? r.name,
        description: body.description !== undefined ? body.description : r.description,
        updated_at: now,
      };
      store.rings.set(merged.id, merged);
      const placed = body.position !== undefined ? placeRing(store, ws, merged, body.position, now) : merged;
      store.changed();
      return reply(200, Ring, toRing(placed));
    },
  }),
  defineRoute({
    method: 'delete',
    path: RING,
    operationId: 'deleteRing',
    summary: 'Delete a ring that no service uses (positions close up)',
    tags: ['rings'],
    auth: 'bearer',
    roles: ROLE_ADMIN,
    action: 'manage rings',
    responses: { 204: { description: 'Deleted' }, 401: E401, 403: E403, 404: E404, 409: { description: 'Services use the ring; the detail names them' } },
    handler: ({ store, workspace, ring }) => {
      const r = must(ring);
      const users = servicesOn(store, r);
      if (users.length) {
        throw conflict(`Ring ${r.name} is used by ${users.length} ${users.length === 1 ? 'service' : 'services'}: ${nameList(users)}; move them first`);
      }
      store.rings.delete(r.id);
      const now = isoNow();
      store.ringsOf(must(workspace).id).forEach((x, i) => {
        if (x.position !== i) store.rings.set(x.id, { ...x, position: i, updated_at: now });
      });
      store.changed();
      return noContent();
    },
  }),
];
