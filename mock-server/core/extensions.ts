/**
 * Which of the mock's operations and query parameters are our extensions
 * (CONTRACT §11), read from the contract's one registry
 * (`src/contract/extensions.ts`) rather than marked where they are defined:
 * an operation is one when its method and `base + path` are a route of an
 * entry the seeds do not document, or when it is test support (the tests'
 * handle on the mock, never the platform's); a query parameter, when an
 * entry lists it for that operation. From this the OpenAPI document marks
 * them `x-extension` and the documented profile leaves them out (operations:
 * a plain 404) or ignores them (parameters).
 */
import * as z from 'zod/mini';
import { EXTENSIONS, type Extension, type ExtensionRoute } from '../../src/contract/extensions';

/** What the registry needs to know of an operation: how it is routed, and the query it takes. */
interface Routed {
  readonly method: string;
  readonly base: string;
  readonly path: string;
  readonly testSupport?: boolean;
  readonly query?: z.core.$ZodType;
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const keyOf = (op: Routed) => key(op.method, `${op.base}${op.path}`);
const show = (r: ExtensionRoute) => `${r.method} ${r.path}`;

type Registry = Readonly<Record<string, Extension>>;

/** `METHOD /path` of each operation an entry of the registry is, documented entries apart. */
const EXTENSION_ROUTES = new Set(
  Object.values<Extension>(EXTENSIONS).flatMap((e) => (e.documented ? [] : (e.routes ?? []).map((r) => key(r.method, r.path)))),
);
/** `METHOD /path` → the query parameters the registry lists on it. */
const EXTENSION_PARAMS = new Map<string, Set<string>>();
for (const p of Object.values<Extension>(EXTENSIONS).flatMap((e) => e.params ?? [])) {
  const k = key(p.method, p.path);
  EXTENSION_PARAMS.set(k, (EXTENSION_PARAMS.get(k) ?? new Set()).add(p.name));
}
const NONE: ReadonlySet<string> = new Set();

/** Whether an operation is an extension: ours by the registry, or test support. */
export function isExtension(op: Routed): boolean {
  return op.testSupport === true || EXTENSION_ROUTES.has(keyOf(op));
}

/** The query parameters of an operation that are extensions: ignored in the documented profile. */
export function extensionParamsOf(op: Routed): ReadonlySet<string> {
  return EXTENSION_PARAMS.get(keyOf(op)) ?? NONE;
}

const queryNames = (query: z.core.$ZodType | undefined): string[] =>
  Object.keys((query as z.core.$ZodObject | undefined)?._zod.def.shape ?? {});

/**
 * Every route of the registry (documented entries too) is an operation the
 * mock has, and every parameter one its operation takes: a typo in the
 * registry, or a route the mock moved, is an error when the mock starts,
 * naming what it missed.
 */
export function checkExtensionRegistry(operations: readonly Routed[], registry: Registry = EXTENSIONS): void {
  const served = new Map(operations.map((op) => [keyOf(op), op]));
  const missing: string[] = [];
  for (const [capability, e] of Object.entries(registry)) {
    for (const r of e.routes ?? []) if (!served.has(key(r.method, r.path))) missing.push(`${capability}: ${show(r)}`);
    for (const p of e.params ?? []) {
      const op = served.get(key(p.method, p.path));
      if (!op) missing.push(`${capability}: ${show(p)}`);
      else if (!queryNames(op.query).includes(p.name)) missing.push(`${capability}: ?${p.name} on ${show(p)}`);
    }
  }
  if (missing.length) throw new Error(`The extension registry names what the mock does not serve: ${missing.join('; ')}`);
}
