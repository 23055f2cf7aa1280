/**
 * Each connector instance's own data (CONTRACT §14): an SQL instance's
 * SQLite database, a storage instance's objects — and the one lane every
 * operation on an instance goes through, so writes to it apply one at a
 * time and a read sees every write acknowledged before it.
 *
 * **Why a SQLite image per instance, kept in the state as one record**
 * (rather than tables in the state's own database, namespaced per
 * instance): the instance's SQL then runs on a database of its own — a
 * user's `DROP TABLE` can reach nothing of the platform's — in a child
 * process that can be killed (sql-pool.ts); the new image is stored with
 * the request's unit of work, so a write, its DDL history entry and its job
 * commit together, before the response, and survive a restart like every
 * other change; a reset, a seed or a deleted instance takes its data along
 * with no code of its own. The cost: a write stores the whole image, which
 * is why an instance keeps at most `MAX_INSTANCE_BYTES`.
 */
import { createHash } from 'node:crypto';
import type { ConnectorInstanceRecord } from '../connectors/records';
import type { Store } from '../core/store';
import type { ConnectorObjectRecord } from './records';
import { sqlPool } from './sql-pool';

/** The most data the mock keeps for one instance (an SQL image, or a storage instance's objects). */
export const MAX_INSTANCE_BYTES = 4 * 1024 * 1024;
/** The most a read returns, in characters of JSON, whatever its row limit. */
export const MAX_RESULT_BYTES = 1024 * 1024;

// ---- one lane per instance ------------------------------------------------------------

const lanes = new WeakMap<Store, Map<string, Promise<unknown>>>();

/** Run `fn` once every operation on the instance that came before it has finished. */
export function inLane<T>(store: Store, instanceId: string, fn: () => Promise<T>): Promise<T> {
  let perStore = lanes.get(store);
  if (!perStore) lanes.set(store, (perStore = new Map()));
  const before = perStore.get(instanceId) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  perStore.set(instanceId, settled);
  void settled.then(() => {
    if (perStore.get(instanceId) === settled) perStore.delete(instanceId);
  });
  return run;
}

// ---- SQL --------------------------------------------------------------------------------

/** Run a request on the SQL runner against the instance's database (its seed while nothing was written). */
export function runSql(
  store: Store,
  instance: ConnectorInstanceRecord,
  message: Record<string, unknown>,
  timeLimitMs: number,
): Promise<Record<string, unknown>> {
  const data = store.connectorData.get(instance.id);
  const image = data?.image ? Buffer.from(data.image, 'base64') : null;
  return sqlPool.run(
    {
      ...message,
      image,
      seed: { createdAt: instance.created_at },
      maxImageBytes: MAX_INSTANCE_BYTES,
      maxBytes: MAX_RESULT_BYTES,
    },
    timeLimitMs,
  );
}

/** Keep the database a write left (with the request's unit of work). */
export function keepImage(store: Store, instance: ConnectorInstanceRecord, image: Uint8Array): void {
  const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  store.connectorData.put({
    instance_id: instance.id,
    workspace_id: instance.workspace_id,
    image: bytes.toString('base64'),
    bytes: bytes.length,
    updated_at: store.clock.iso(),
  });
}

// ---- objects ----------------------------------------------------------------------------

const etagOf = (body: string) => `"${createHash('md5').update(body).digest('hex')}"`;

export function objectRecord(
  instance: ConnectorInstanceRecord,
  key: string,
  body: string,
  contentType: string,
  at: string,
): ConnectorObjectRecord {
  return {
    id: `${instance.id}/${key}`,
    instance_id: instance.id,
    key,
    body,
    content_type: contentType,
    size: Buffer.byteLength(body),
    etag: etagOf(body),
    last_modified: at,
  };
}

/** What a storage instance starts with: a few documents, as a bucket of supplier documents would hold. */
function seedObjects(instance: ConnectorInstanceRecord): ConnectorObjectRecord[] {
  const at = instance.created_at;
  const invoice = (n: string, supplier: string, cents: number) =>
    objectRecord(
      instance,
      `invoices/2025-${n}.json`,
      `${JSON.stringify({ invoice: `2025-${n}`, supplier, currency: 'EUR', total_cents: cents }, null, 2)}\n`,
      'application/json',
      at,
    );
  return [
    objectRecord(
      instance,
      'README.txt',
      `Documents of ${instance.name}.\nInvoices are under invoices/, one JSON file each.\n`,
      'text/plain',
      at,
    ),
    invoice('0001', 'Acme Paper', 125000),
    invoice('0002', 'Globex Logistics', 48250),
    invoice('0003', 'Initech Software', 990000),
  ];
}

/** The instance's objects, by key; the first time, its seed objects are laid out (and kept). */
export function objectsOf(store: Store, instance: ConnectorInstanceRecord): ConnectorObjectRecord[] {
  if (!store.connectorData.has(instance.id)) {
    for (const o of seedObjects(instance)) store.connectorObjects.put(o);
    store.connectorData.put({
      instance_id: instance.id,
      workspace_id: instance.workspace_id,
      image: null,
      bytes: 0,
      updated_at: store.clock.iso(),
    });
  }
  return store.connectorObjects.in('instance', instance.id).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
