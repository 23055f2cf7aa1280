/**
 * The gateway's choices (CONTRACT §7): which version answers (pinned with
 * `v{N}`, else picked at random by the traffic split) and which of its
 * endpoints a method and path name (literal segments beat `{params}`).
 */
import type { EndpointSnapshot } from '../../src/contract/versions';
import { conflict, HttpError } from '../core/errors';
import type { VersionRecord } from '../core/records';
import type { Store } from '../core/store';
import { isServing } from '../versions/rules';

export function pickVersion(store: Store, serviceId: string, pinned: number | undefined): VersionRecord {
  const all = store.versionsOf(serviceId);
  if (pinned !== undefined) {
    const v = all.find((x) => x.version === pinned);
    if (!v) throw new HttpError(404, `Version ${pinned} not found`);
    if (v.status === 'draft') throw new HttpError(404, `Version ${pinned} is not published`);
    if (v.status === 'archived') throw new HttpError(404, `Version ${pinned} is archived`);
    return v;
  }
  const serving = all.filter((v) => isServing(v) && v.traffic_percent > 0);
  if (serving.length === 0) throw conflict('This service has no published version');
  const total = serving.reduce((n, v) => n + v.traffic_percent, 0);
  let r = Math.random() * total;
  for (const v of serving) {
    r -= v.traffic_percent;
    if (r < 0) return v;
  }
  return serving[serving.length - 1]!;
}

/** Match `segments` against the version's templates: literal segments beat `{params}`. */
export function findEndpoint(v: VersionRecord, method: string, segments: string[]): { endpoint: EndpointSnapshot; params: Record<string, string> } {
  const candidates: { e: EndpointSnapshot; params: Record<string, string>; score: number }[] = [];
  for (const e of v.endpoint_snapshot ?? []) {
    const tpl = e.path.split('/').filter(Boolean);
    if (tpl.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    tpl.forEach((t, i) => {
      const m = /^\{([a-z_][a-z0-9_]*)\}$/.exec(t);
      if (m) params[m[1]!] = segments[i]!;
      else if (t === segments[i]) score++;
      else ok = false;
    });
    if (ok) candidates.push({ e, params, score });
  }
  const shown = `/${segments.join('/')}`;
  if (candidates.length === 0) throw new HttpError(404, `No endpoint ${method} ${shown} in version ${v.version}`, { 'X-Service-Version': String(v.version) });
  const withMethod = candidates.filter((c) => c.e.method === method).sort((a, b) => b.score - a.score);
  if (withMethod.length === 0) {
    const allow = [...new Set(candidates.map((c) => c.e.method))].join(', ');
    throw new HttpError(405, `Method Not Allowed: ${shown} accepts ${allow} in version ${v.version}`, { Allow: allow, 'X-Service-Version': String(v.version) });
  }
  return { endpoint: withMethod[0]!.e, params: withMethod[0]!.params };
}
