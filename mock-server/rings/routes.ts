/**
 * Deployment rings (CONTRACT §6): list (`?name=dev` resolves one, as
 * `client.rings.resolve("dev")` does, seed 004), create, get, update, delete.
 * Reads: everyone; writes: admins.
 */
import { paths } from '../../src/contract/paths';
import { Ring, RingCreate, RingListQuery, RingPage, RingUpdate } from '../../src/contract/rings';
import { admins } from '../core/auth';
import { listPage, time, type ListSpec } from '../core/lists';
import { newInWorkspace } from '../core/new-record';
import { del, domainApi, get, post, put, workspacePath } from '../core/operations';
import type { RingRecord } from './records';
import { noContent, reply } from '../core/replies';
import { assertUniqueRingName, deleteRing, placeRing, toRing } from './rules';

const RINGS = workspacePath('/deployments/rings', paths.rings);
const RING = workspacePath('/deployments/rings/:ring_id', (s) => paths.ring(s, ':ring_id'));
const E403_ADMINS = { description: "The caller's role may not do this (rings are managed by admins)" };
const NAME_TAKEN = { description: 'A ring with this name exists in the workspace' };
const writes = admins('manage rings');

const ringList: ListSpec<RingRecord> = {
  sort: {
    position: (r) => r.position,
    name: (r) => r.name,
    created_at: (r) => time(r.created_at),
    updated_at: (r) => time(r.updated_at),
  },
  text: (r) => [r.name, r.description],
};

export const ringsApi = domainApi(
  ['rings'],
  [
    get(RINGS, 'listRings', "A workspace's deployment rings, in promotion order (`position`, first ring first) unless `sort` is given", {
      query: RingListQuery,
      responses: {
        200: { description: 'A page of rings (`?name=dev` resolves one: a page of at most one)', schema: RingPage },
      },
      handler: ({ var: { store, workspace, query } }) => {
        const rings = store.ringsOf(workspace.id).filter((r) => query.name === undefined || r.name === query.name);
        // Without `sort`, the promotion order; `position` reads first ring first unless `order` says otherwise.
        const sort = query.sort ?? 'position';
        const page = listPage(rings, { ...query, sort, order: query.order ?? (sort === 'position' ? 'asc' : 'desc') }, ringList);
        return reply(200, RingPage, { ...page, items: page.items.map(toRing) });
      },
    }),
    post(RINGS, 'createRing', 'Create a deployment ring (position omitted: last; others shift to make room)', {
      allow: writes,
      body: RingCreate,
      idempotent: true,
      responses: { 201: { description: 'Created', schema: Ring }, 403: E403_ADMINS, 409: NAME_TAKEN },
      handler: ({ var: { store, workspace, body }, req }) => {
        assertUniqueRingName(store, workspace.id, body.name);
        const now = store.clock.iso();
        const rec: RingRecord = {
          ...newInWorkspace(workspace),
          name: body.name,
          description: body.description ?? null,
          position: 0,
          created_at: now,
          updated_at: now,
        };
        const placed = placeRing(store, rec, body.position, now);
        return reply(201, Ring, toRing(placed), { Location: `${req.path}/${rec.id}` });
      },
    }),
    get(RING, 'getRing', 'Get a deployment ring', {
      responses: { 200: { description: 'The ring', schema: Ring } },
      handler: ({ var: { ring } }) => reply(200, Ring, toRing(ring)),
    }),
    put(RING, 'updateRing', 'Update a ring (partial): rename (unique), describe, or move it in the promotion path', {
      allow: writes,
      body: RingUpdate,
      responses: { 200: { description: 'The updated ring', schema: Ring }, 403: E403_ADMINS, 409: NAME_TAKEN },
      handler: ({ var: { store, workspace, ring, body } }) => {
        if (body.name !== undefined) assertUniqueRingName(store, workspace.id, body.name, ring.id);
        const now = store.clock.iso();
        const merged = store.rings.put({
          ...ring,
          name: body.name ?? ring.name,
          description: body.description !== undefined ? body.description : ring.description,
          updated_at: now,
        });
        const placed = body.position !== undefined ? placeRing(store, merged, body.position, now) : merged;
        return reply(200, Ring, toRing(placed));
      },
    }),
    del(RING, 'deleteRing', 'Delete a ring that no service uses (positions close up)', {
      allow: writes,
      responses: {
        204: { description: 'Deleted' },
        403: E403_ADMINS,
        409: { description: 'Services use the ring; the detail names them' },
      },
      handler: ({ var: { store, ring } }) => {
        deleteRing(store, ring, store.clock.iso());
        return noContent();
      },
    }),
  ],
);
