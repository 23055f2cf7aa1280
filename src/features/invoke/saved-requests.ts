/**
 * Saved requests, as Lambda's test events: per service and endpoint, a name
 * and what the form held — the body text and the parameters. Kept in
 * localStorage, and only once the user saves one (see docs/user-guide.md); a token is
 * never part of one.
 */
import { browserStorage } from '@/lib/browser-storage';

export type SavedRequest = {
  name: string;
  body: string;
  pathParams: Record<string, string>;
  queryParams: Record<string, string>;
  savedAt: string;
};

const PREFIX = 'hs.saved-requests.';
export const MAX_SAVED = 50;

const storage = () => browserStorage('localStorage');

type Store = Record<string, SavedRequest[]>;

const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

function isSaved(v: unknown): v is SavedRequest {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.name === 'string' && typeof r.body === 'string' && isStringRecord(r.pathParams) && isStringRecord(r.queryParams);
}

function readAll(serviceId: string): Store {
  try {
    const raw = storage()?.getItem(PREFIX + serviceId);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Store = {};
    for (const [k, list] of Object.entries(parsed)) if (Array.isArray(list)) out[k] = list.filter(isSaved);
    return out;
  } catch {
    return {};
  }
}

function writeAll(serviceId: string, all: Store): void {
  const s = storage();
  if (!s) return;
  const kept = Object.fromEntries(Object.entries(all).filter(([, list]) => list.length > 0));
  if (Object.keys(kept).length === 0) s.removeItem(PREFIX + serviceId);
  else s.setItem(PREFIX + serviceId, JSON.stringify(kept));
}

/** The saved requests of one endpoint (`METHOD path`), by name. */
export function savedRequests(serviceId: string, endpoint: string): SavedRequest[] {
  return [...(readAll(serviceId)[endpoint] ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}

/** Save (or replace, by name) one request; only the fields of a SavedRequest are written, so nothing else can slip in. */
export function saveRequest(serviceId: string, endpoint: string, request: Omit<SavedRequest, 'savedAt'>, now = new Date()): SavedRequest[] {
  const all = readAll(serviceId);
  const entry: SavedRequest = {
    name: request.name.trim(),
    body: request.body,
    pathParams: { ...request.pathParams },
    queryParams: { ...request.queryParams },
    savedAt: now.toISOString(),
  };
  const list = (all[endpoint] ?? []).filter((r) => r.name !== entry.name);
  all[endpoint] = [...list, entry].slice(-MAX_SAVED);
  writeAll(serviceId, all);
  return savedRequests(serviceId, endpoint);
}

export function deleteSavedRequest(serviceId: string, endpoint: string, name: string): SavedRequest[] {
  const all = readAll(serviceId);
  all[endpoint] = (all[endpoint] ?? []).filter((r) => r.name !== name);
  writeAll(serviceId, all);
  return savedRequests(serviceId, endpoint);
}
