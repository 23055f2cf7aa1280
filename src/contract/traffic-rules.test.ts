import { describe, expect, it } from 'vitest';
import {
  describeSplit,
  promotePlan,
  restorePlan,
  rollbackPlan,
  splitAfterPublish,
  statusesAfterTrafficChange,
  successor,
  versionList,
} from './traffic-rules';

describe('splitAfterPublish', () => {
  it('gives the previous active version the rest of the traffic', () => {
    expect(splitAfterPublish([{ id: 'v1', percent: 100 }], 'v2', 20)).toEqual([
      { id: 'v2', percent: 20 },
      { id: 'v1', percent: 80 },
    ]);
  });

  it('leaves nothing for the others at 100%', () => {
    expect(splitAfterPublish([{ id: 'v1', percent: 100 }], 'v2', 100)).toEqual([
      { id: 'v2', percent: 100 },
      { id: 'v1', percent: 0 },
    ]);
  });

  it('scales an existing canary in proportion, in whole numbers that sum to 100', () => {
    const split = splitAfterPublish(
      [
        { id: 'v2', percent: 20 },
        { id: 'v1', percent: 80 },
      ],
      'v3',
      10,
    );
    expect(split).toEqual([
      { id: 'v3', percent: 10 },
      { id: 'v2', percent: 18 },
      { id: 'v1', percent: 72 },
    ]);
    const odd = splitAfterPublish(
      [
        { id: 'a', percent: 33 },
        { id: 'b', percent: 33 },
        { id: 'c', percent: 34 },
      ],
      'n',
      50,
    );
    expect(odd.reduce((s, v) => s + v.percent, 0)).toBe(100);
  });

  it('handles the first publish', () => {
    expect(splitAfterPublish([], 'v1', 100)).toEqual([{ id: 'v1', percent: 100 }]);
  });
});

describe('statusesAfterTrafficChange', () => {
  const v1 = { id: 'v1', version: 1, status: 'draining' as const };
  const v2 = { id: 'v2', version: 2, status: 'active' as const };
  const v3 = { id: 'v3', version: 3, status: 'draining' as const };
  const shares = (p: Record<string, number>) => (id: string) => p[id] ?? 0;

  it('keeps the active version active and the others draining on a re-split', () => {
    expect(statusesAfterTrafficChange([v2, v1], shares({ v2: 50, v1: 50 }))).toEqual([
      { id: 'v2', percent: 50, status: 'active' },
      { id: 'v1', percent: 50, status: 'draining' },
    ]);
  });

  it('rolls back: the active version at 0 is archived and the busiest remaining one becomes active', () => {
    expect(statusesAfterTrafficChange([v2, v1, v3], shares({ v2: 0, v1: 70, v3: 30 }))).toEqual([
      { id: 'v2', percent: 0, status: 'archived' },
      { id: 'v1', percent: 70, status: 'active' },
      { id: 'v3', percent: 30, status: 'draining' },
    ]);
  });

  it('promotes a canary set to 100 and archives the rest', () => {
    const canary = { id: 'v2', version: 2, status: 'draining' as const };
    const old = { id: 'v1', version: 1, status: 'active' as const };
    expect(statusesAfterTrafficChange([canary, old], shares({ v2: 100, v1: 0 }))).toEqual([
      { id: 'v2', percent: 100, status: 'active' },
      { id: 'v1', percent: 0, status: 'archived' },
    ]);
  });

  it('breaks a tie for the rollback in favour of the newest version', () => {
    expect(statusesAfterTrafficChange([v2, v1, v3], shares({ v1: 50, v3: 50 })).find((v) => v.status === 'active')?.id).toBe('v3');
  });
});

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

describe('who becomes active on a rollback', () => {
  const row = (version: number, percent: number) => ({ id: `v${version}`, version, percent });

  it('is the candidate with the most traffic, the newest on a tie', () => {
    expect(successor([row(1, 30), row(2, 60), row(3, 10)], (v) => v.percent)?.version).toBe(2);
    expect(successor([row(1, 50), row(3, 50), row(2, 50)], (v) => v.percent)?.version).toBe(3);
    expect(successor([], (v: { id: string; version: number }) => v.version)).toBeUndefined();
  });

  it('is the same version for the platform’s rule and the console’s Roll back', () => {
    const serving = [
      { id: 'a', version: 1, status: 'draining' as const, traffic_percent: 30 },
      { id: 'b', version: 2, status: 'draining' as const, traffic_percent: 30 },
      { id: 'c', version: 3, status: 'active' as const, traffic_percent: 40 },
    ];
    const { plan } = rollbackPlan(serving);
    const percent = new Map(plan!.allocations.map((a) => [a.version_id, a.percent]));
    const settled = statusesAfterTrafficChange(serving, (id) => percent.get(id) ?? 0);
    expect(settled.find((s) => s.status === 'active')?.id).toBe(plan!.winner.id);
    expect(describeSplit(serving, Object.fromEntries(percent)).newActive?.id).toBe(plan!.winner.id);
  });
});
