/**
 * The services' own indexes (the store knows none: services/domain.ts adds
 * these): by slug within a workspace, and the list's search — each workspace's
 * services sorted by a field, and recent filter results — kept in step with the
 * collection by watching it, and dropped when the whole state is replaced.
 */
import type { z } from 'zod';
import type { ServiceListQuery } from '../../src/contract/services';
import type { Collection } from '../core/store';
import type { ServiceRecord } from './records';

type SortField = z.output<typeof ServiceListQuery>['sort'];
export type ServiceQuery = z.output<typeof ServiceListQuery>;

interface SortedEntry {
  s: ServiceRecord;
  hay: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const MATCH_CACHE_MAX = 64;

export class ServiceSearch {
  private readonly slugIndex = new Map<string, string>();
  /** Lowercased "name\ndescription" per record, for search. */
  private haystack = new WeakMap<ServiceRecord, string>();
  /** Per `workspace|sort field`: the services sorted ascending, with their haystacks. Dropped on write. */
  private readonly sortCache = new Map<string, SortedEntry[]>();
  /** Recent filter results (ascending), so paging and repeated searches skip the scan. Dropped on write. */
  private readonly matchCache = new Map<string, SortedEntry[]>();
  /** Set false to measure the uncached scan (scripts/bench.ts). */
  cacheMatches = true;

  constructor(private readonly services: Collection<ServiceRecord, 'workspace'>) {
    services.watch((before, after) => {
      if (before) {
        if (!after || before.slug !== after.slug || before.workspace_id !== after.workspace_id)
          this.slugIndex.delete(`${before.workspace_id}|${before.slug}`);
        this.invalidate(before.workspace_id);
      }
      if (after) {
        this.slugIndex.set(`${after.workspace_id}|${after.slug}`, after.id);
        this.haystack.set(after, `${after.name}\n${after.description ?? ''}`.toLowerCase());
        this.invalidate(after.workspace_id);
      }
    });
  }

  /** Forget everything (the store replaces its whole state: a load puts every service again). */
  clear(): void {
    this.slugIndex.clear();
    this.sortCache.clear();
    this.matchCache.clear();
    this.haystack = new WeakMap();
  }

  bySlug(workspaceId: string, slug: string): ServiceRecord | undefined {
    const id = this.slugIndex.get(`${workspaceId}|${slug}`);
    return id ? this.services.get(id) : undefined;
  }

  /** A page of a workspace's services, filtered, searched and sorted as the list asks. */
  list(workspaceId: string, q: ServiceQuery): { items: ServiceRecord[]; total: number } {
    const list = this.matching(workspaceId, q);
    const n = list.length;
    const items: ServiceRecord[] = [];
    for (let k = q.offset; k < Math.min(n, q.offset + q.limit); k++) {
      items.push(list[q.order === 'desc' ? n - 1 - k : k]!.s);
    }
    return { items, total: n };
  }

  private invalidate(workspaceId: string): void {
    for (const k of this.sortCache.keys()) if (k.startsWith(`${workspaceId}|`)) this.sortCache.delete(k);
    for (const k of this.matchCache.keys()) if (k.startsWith(`${workspaceId}|`)) this.matchCache.delete(k);
  }

  /** The services of a workspace sorted ascending by `field` (ties by id), cached until the next write. */
  private sorted(workspaceId: string, field: SortField): SortedEntry[] {
    const key = `${workspaceId}|${field}`;
    const hit = this.sortCache.get(key);
    if (hit) return hit;
    const list = this.services.in('workspace', workspaceId);
    const cmp =
      field === 'name'
        ? (a: ServiceRecord, b: ServiceRecord) => collator.compare(a.name, b.name)
        : (a: ServiceRecord, b: ServiceRecord) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0);
    list.sort((a, b) => cmp(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const entries = list.map((s) => ({ s, hay: this.haystack.get(s) ?? '' }));
    this.sortCache.set(key, entries);
    return entries;
  }

  /** The entries matching the filters, ascending by the sort field. */
  private matching(workspaceId: string, q: ServiceQuery): SortedEntry[] {
    const list = this.sorted(workspaceId, q.sort);
    const term = q.search ? q.search.toLowerCase() : '';
    if (!term && !q.status && !q.execution_mode) return list;
    const key = `${workspaceId}|${q.sort}|${q.status ?? ''}|${q.execution_mode ?? ''}|${term}`;
    const hit = this.cacheMatches ? this.matchCache.get(key) : undefined;
    if (hit) {
      this.matchCache.delete(key);
      this.matchCache.set(key, hit);
      return hit;
    }
    const out: SortedEntry[] = [];
    for (const e of list) {
      const s = e.s;
      if (q.status && s.status !== q.status) continue;
      if (q.execution_mode && s.execution_mode !== q.execution_mode) continue;
      if (term && !e.hay.includes(term)) continue;
      out.push(e);
    }
    if (this.cacheMatches) {
      if (this.matchCache.size >= MATCH_CACHE_MAX) this.matchCache.delete(this.matchCache.keys().next().value!);
      this.matchCache.set(key, out);
    }
    return out;
  }
}
