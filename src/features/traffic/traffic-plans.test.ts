import { describe, expect, it } from 'vitest';
import { describeSplit, promotePlan, restorePlan, rollbackPlan, versionList } from './traffic-plans';

const v = (version: number, status: 'active' | 'draining', traffic_percent: number) => ({
  id: `id-${version}`,
  version,
  status,
  traffic_percent,
});

describe('traffic plans', () => {
  const canary = [v(1, 'draining', 80), v(2, 'active', 20)];

  it('promotes the active canary and archives the rest', () => {
    const { plan } = promotePlan(canary);
    expect(plan?.winner.version).toBe(2);
    expect(plan?.allocations).toEqual([
      { version_id: 'id-1', percent: 0 },
      { version_id: 'id-2', percent: 100 },
    ]);
    expect(plan?.archived.map((x) => x.version)).toEqual([1]);
  });

  it('rolls back to the busiest draining version and archives the canary and any other', () => {
    const { plan } = rollbackPlan([v(3, 'active', 10), v(2, 'draining', 60), v(1, 'draining', 30)]);
    expect(plan?.winner.version).toBe(2);
    expect(plan?.archived.map((x) => x.version)).toEqual([1, 3]);
    expect(plan?.allocations.reduce((a, x) => a + x.percent, 0)).toBe(100);
  });

  it('says why an action does not apply', () => {
    expect(promotePlan([v(1, 'active', 100)]).reason).toMatch(/already receives all traffic/);
    expect(rollbackPlan([v(1, 'active', 100)]).reason).toMatch(/no previous version/);
    expect(promotePlan([]).reason).toMatch(/Nothing is published/);
  });

  it('describes a manual split', () => {
    expect(describeSplit(canary, { 'id-1': 50, 'id-2': 50 })).toMatchObject({ sum: 100, archived: [], newActive: null, changed: true });
    expect(describeSplit(canary, { 'id-1': 60, 'id-2': 50 }).sum).toBe(110);
    const rollback = describeSplit(canary, { 'id-1': 100, 'id-2': 0 });
    expect(rollback.archived.map((x) => x.version)).toEqual([2]);
    expect(rollback.newActive?.version).toBe(1);
  });

  it('names versions in prose', () => {
    expect(versionList([{ version: 1 }])).toBe('v1');
    expect(versionList([{ version: 1 }, { version: 2 }, { version: 3 }])).toBe('v1, v2 and v3');
  });

  it('restores a recorded split while its versions still serve', () => {
    const v1 = { id: 'a', version: 1, status: 'draining' as const, traffic_percent: 80 };
    const v2 = { id: 'b', version: 2, status: 'active' as const, traffic_percent: 20 };
    const share = (v: { id: string; version: number }, percent: number) => ({ version_id: v.id, version: v.version, percent });
    // the split the canary started with: nothing to do
    expect(restorePlan([v1, v2], [share(v2, 20), share(v1, 80)])).toEqual({ kind: 'current' });
    // an older split: v2 back to 50
    expect(restorePlan([v1, v2], [share(v2, 50), share(v1, 50)])).toMatchObject({
      kind: 'restorable',
      allocations: [
        { version_id: 'a', percent: 50 },
        { version_id: 'b', percent: 50 },
      ],
      archived: [],
      newActive: null,
    });
    // v1 alone, from before v2 was published: v2 goes to 0 (archived) and v1 is active again
    expect(restorePlan([v1, v2], [share(v1, 100)])).toMatchObject({
      kind: 'restorable',
      allocations: [
        { version_id: 'a', percent: 100 },
        { version_id: 'b', percent: 0 },
      ],
      archived: [v2],
      newActive: v1,
    });
    // a version that no longer serves cannot come back
    expect(restorePlan([v2], [share(v2, 20), share(v1, 80)])).toEqual({ kind: 'unavailable', reason: 'v1 no longer serves traffic.' });
    expect(restorePlan([v2], [])).toMatchObject({ kind: 'unavailable' });
  });
});
