import type { JsonSchema } from '@/contract/json-schema';

export type EndpointShape = {
  method: string;
  path: string;
  summary: string | null;
  request_schema: Record<string, unknown>;
  response_schema: Record<string, unknown>;
};

export type EndpointChange = {
  kind: 'added' | 'removed' | 'changed';
  key: string;
  /** True when clients built against the old version may stop working. */
  breaking: boolean;
  notes: { text: string; breaking: boolean }[];
};

const keyOf = (e: EndpointShape) => `${e.method.toUpperCase()} ${e.path}`;

/**
 * What publishing `next` changes for clients of `current` (the active
 * version): endpoints added, removed, changed — and which changes break them.
 * Requests break when they demand more (a newly required field, a changed
 * type, fewer enum values); responses break when they promise less (a removed
 * or no-longer-required field, a changed type, more enum values).
 */
export function diffEndpoints(current: EndpointShape[], next: EndpointShape[]): EndpointChange[] {
  const before = new Map(current.map((e) => [keyOf(e), e]));
  const after = new Map(next.map((e) => [keyOf(e), e]));
  const changes: EndpointChange[] = [];
  for (const [key, old] of before) {
    const now = after.get(key);
    if (!now) {
      changes.push({ kind: 'removed', key, breaking: true, notes: [{ text: 'Removed: clients calling it will get 404', breaking: true }] });
      continue;
    }
    const notes: EndpointChange['notes'] = [];
    if (old.summary !== now.summary) notes.push({ text: 'Summary changed', breaking: false });
    compareSchema(old.request_schema as JsonSchema, now.request_schema as JsonSchema, 'request', 'request', notes);
    compareSchema(old.response_schema as JsonSchema, now.response_schema as JsonSchema, 'response', 'response', notes);
    if (notes.length) changes.push({ kind: 'changed', key, breaking: notes.some((n) => n.breaking), notes });
  }
  for (const [key] of after) {
    if (!before.has(key)) changes.push({ kind: 'added', key, breaking: false, notes: [{ text: 'New endpoint', breaking: false }] });
  }
  const order = { removed: 0, changed: 1, added: 2 } as const;
  return changes.sort((a, b) => order[a.kind] - order[b.kind] || a.key.localeCompare(b.key));
}

function types(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  const t = s.type;
  const list: string[] = t === undefined ? [] : Array.isArray(t) ? [...t] : [t];
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) list.push(...types(alt));
  return [...new Set(list)].sort();
}

function compareSchema(
  old: JsonSchema | undefined,
  now: JsonSchema | undefined,
  side: 'request' | 'response',
  where: string,
  notes: EndpointChange['notes'],
): void {
  if (!old || !now) return;
  const oldTypes = types(old);
  const newTypes = types(now);
  if (oldTypes.length && newTypes.length && oldTypes.join('|') !== newTypes.join('|')) {
    const narrowed = side === 'request' ? oldTypes.some((t) => !newTypes.includes(t)) : newTypes.some((t) => !oldTypes.includes(t));
    notes.push({ text: `${where}: type ${oldTypes.join(' | ')} → ${newTypes.join(' | ')}`, breaking: narrowed });
  }
  if (old.enum || now.enum) {
    const o = (old.enum ?? []).map((v) => JSON.stringify(v));
    const n = (now.enum ?? []).map((v) => JSON.stringify(v));
    const removed = o.filter((v) => !n.includes(v));
    const added = n.filter((v) => !o.includes(v));
    if (removed.length)
      notes.push({
        text: `${where}: value${removed.length > 1 ? 's' : ''} ${removed.join(', ')} no longer allowed`,
        breaking: side === 'request',
      });
    if (added.length)
      notes.push({ text: `${where}: new value${added.length > 1 ? 's' : ''} ${added.join(', ')}`, breaking: side === 'response' });
  }
  const oldProps = old.properties ?? {};
  const newProps = now.properties ?? {};
  const oldRequired = new Set(old.required ?? []);
  const newRequired = new Set(now.required ?? []);
  for (const name of Object.keys(oldProps)) {
    const path = `${where}.${name}`;
    if (!(name in newProps)) {
      // Clients reading it lose it; clients sending it are refused only if extra fields are.
      notes.push({ text: `${path} removed`, breaking: side === 'response' || now.additionalProperties === false });
      continue;
    }
    if (side === 'response' && oldRequired.has(name) && !newRequired.has(name))
      notes.push({ text: `${path} may now be missing`, breaking: true });
    if (side === 'request' && !oldRequired.has(name) && newRequired.has(name))
      notes.push({ text: `${path} is now required`, breaking: true });
    compareSchema(oldProps[name], newProps[name], side, path, notes);
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    const path = `${where}.${name}`;
    const required = newRequired.has(name);
    notes.push({
      text: side === 'request' && required ? `${path} added and required` : `${path} added`,
      breaking: side === 'request' && required,
    });
  }
  if (old.items || now.items) compareSchema(old.items, now.items, side, `${where}[]`, notes);
}
