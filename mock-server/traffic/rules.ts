/**
 * `PUT …/traffic` (CONTRACT §3, our extension): every version with traffic
 * must be listed (one draining out at 0% after a publish may be left out: it
 * is archived when drained), drafts and archived versions cannot take
 * traffic; then each listed one takes its share and the contract's
 * `statusesAfterTrafficChange` settles who is active (0 archives at once; the
 * active version at 0 rolls back to the busiest remaining one; a draining
 * version at 100 is promoted, and one given traffic stops draining out).
 * A rollout applies its splits with the same function (rollouts/rules.ts).
 */
import type { ValidationIssue } from '../../src/contract/common';
import { statusesAfterTrafficChange, type ServingVersion } from '../../src/contract/traffic-rules';
import { conflict, issue, validationError } from '../core/errors';
import type { ServiceRecord } from '../services/records';
import type { VersionRecord } from '../versions/records';
import type { Store } from '../core/store';
import { isDrainingOut, isServing } from '../../src/contract/versions-rules';
import { touch } from '../versions/rules';

type Allocation = { version_id: string; percent: number };

/** How a change that takes versions to 0 treats them. */
export interface TrafficOptions {
  /**
   * They drain out until then (`draining` at 0%, archived at that time), as
   * after a 100% publish, instead of being archived at once: a rollout that
   * reaches 100% leaves its baseline so (CONTRACT §13; rollouts/rules.ts).
   */
  drainEndsAt?: string;
}

export function applyTraffic(
  store: Store,
  service: ServiceRecord,
  allocations: readonly Allocation[],
  now: string,
  options: TrafficOptions = {},
): void {
  const listed = new Set(allocations.map((a) => a.version_id));
  // Those draining out need not be listed; those that are take part like the others.
  const serving = store.versionsOf(service.id).filter((v) => isServing(v) && (!isDrainingOut(v) || listed.has(v.id))) as (VersionRecord &
    ServingVersion)[];
  if (serving.length === 0) throw conflict('This service has no published version');
  const issues: ValidationIssue[] = [];
  allocations.forEach((a, i) => {
    const v = store.versionIn(service.id, a.version_id);
    const loc = ['body', 'allocations', i, 'version_id'];
    if (!v) issues.push(issue(loc, 'No such version in this service', 'value_error'));
    else if (v.status === 'draft') issues.push(issue(loc, `Version ${v.version} is a draft; publish it to give it traffic`, 'value_error'));
    else if (v.status === 'archived') issues.push(issue(loc, `Version ${v.version} is archived; it cannot receive traffic`, 'value_error'));
  });
  for (const v of serving) {
    if (!listed.has(v.id))
      issues.push(
        issue(['body', 'allocations'], `Version ${v.version} is serving and must be listed (give it 0 to archive it)`, 'value_error'),
      );
  }
  if (issues.length) throw validationError(issues);

  const percent = new Map(allocations.map((a) => [a.version_id, a.percent]));
  const next = new Map(statusesAfterTrafficChange(serving, (id) => percent.get(id) ?? 0).map((x) => [x.id, x]));
  for (const v of serving) {
    const { status, percent: p } = next.get(v.id)!;
    if (status === 'archived' && options.drainEndsAt !== undefined) {
      // One draining out already keeps its end, as a publish leaves it.
      const drain_ends_at = isDrainingOut(v) && v.drain_ends_at ? v.drain_ends_at : options.drainEndsAt;
      store.versions.put({ ...v, status: 'draining', traffic_percent: 0, drain_ends_at });
    } else if (status !== v.status || p !== v.traffic_percent)
      store.versions.put({ ...v, status, traffic_percent: p, drain_ends_at: null });
  }
  touch(store, service, now);
}
