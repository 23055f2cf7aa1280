// @ts-check
/**
 * The gateway's request checks, off the main thread (check-pool.ts starts it).
 *
 * Compiles an endpoint's request schema with Ajv (JSON Schema 2020-12; the
 * subset the contract accepts, projected by json-schema-check.ts) once per
 * schema, and checks values against it: first stopping at the first error,
 * then — when `full` says the pair is small enough — collecting every error.
 * Answers with at most MAX_ERRORS raw Ajv errors; turning them into FastAPI
 * issues is the main thread's (json-schema-check.ts).
 *
 * Plain JavaScript on purpose: it starts in a fraction of the time a
 * TypeScript loader would take, and imports only ajv.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Ajv2020 } from 'ajv/dist/2020.js';

// The heavy lane's checks wait for the main thread (every other client) and
// the light lane. On Linux a priority is per thread: this lowers this worker only.
if (workerData?.lane === 'heavy' && process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // not permitted: run at the same priority
  }
}

const MAX_ERRORS = 200;
const CACHE_MAX = 256;

const common = { strict: false, validateFormats: false, messages: false, code: { optimize: 1 } };
const fastAjv = new Ajv2020({ ...common, allErrors: false });
const fullAjv = new Ajv2020({ ...common, allErrors: true });

/** @type {Map<string, { schema: object, fast: import('ajv').ValidateFunction, full?: import('ajv').ValidateFunction }>} */
const cache = new Map();

/** @param {string} key @param {object} schema */
function compiled(key, schema) {
  let entry = cache.get(key);
  if (entry) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, entry);
    return entry;
  }
  entry = { schema, fast: fastAjv.compile(schema) };
  cache.set(key, entry);
  if (cache.size > CACHE_MAX) {
    const [oldKey, old] = cache.entries().next().value;
    cache.delete(oldKey);
    fastAjv.removeSchema(old.schema);
    if (old.full) fullAjv.removeSchema(old.schema);
  }
  return entry;
}

/** @param {import('ajv').ErrorObject[]} errors */
const plain = (errors) =>
  errors.slice(0, MAX_ERRORS).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));

parentPort?.postMessage({ ready: true });

parentPort?.on('message', (/** @type {{ id: number, key: string, schema: object, value: unknown, full: boolean }} */ task) => {
  try {
    const entry = compiled(task.key, task.schema);
    if (entry.fast(task.value)) {
      parentPort?.postMessage({ id: task.id, ok: true });
      return;
    }
    let errors = entry.fast.errors ?? [];
    if (task.full) {
      entry.full ??= fullAjv.compile(entry.schema);
      entry.full(task.value);
      errors = entry.full.errors ?? errors;
    }
    parentPort?.postMessage({ id: task.id, ok: false, errors: plain(errors) });
  } catch (e) {
    parentPort?.postMessage({ id: task.id, failure: e instanceof Error ? e.message : String(e) });
  }
});
