import { describe, expect, it } from 'vitest';
import { inferTraffic, isDrainingOut, isPublished, isServing, knowsTraffic, servingVersions, trafficText } from './versions-rules';

const v = (version: number, status: string, traffic_percent: number | null) => ({ id: `v${version}`, version, status, traffic_percent });

describe('which versions serve', () => {
  it('active and draining versions serve; drafts and archived ones do not', () => {
    expect(['active', 'draining', 'draft', 'archived', 'retired'].filter((status) => isServing({ status }))).toEqual([
      'active',
      'draining',
    ]);
  });

  it('every version but the draft is published', () => {
    expect(['active', 'draining', 'draft', 'archived'].filter((status) => isPublished({ status }))).toEqual([
      'active',
      'draining',
      'archived',
    ]);
  });

  it('a draining version with no traffic left is draining out; one with a share is not', () => {
    expect(isDrainingOut(v(1, 'draining', 0))).toBe(true);
    expect(isDrainingOut(v(1, 'draining', 20))).toBe(false);
    expect(isDrainingOut(v(1, 'active', 0))).toBe(false);
  });

  it('lists the serving versions busiest first, the newest first on a tie', () => {
    const versions = [
      v(1, 'draining', 0),
      v(2, 'archived', 0),
      v(3, 'draining', 40),
      v(4, 'active', 60),
      v(5, 'draining', 0),
      v(6, 'draft', 0),
    ];
    expect(servingVersions(versions).map((x) => x.version)).toEqual([4, 3, 5, 1]);
  });
});

describe('a platform that does not say a version’s traffic', () => {
  const percents = (versions: { traffic_percent: number | null }[]) => versions.map((x) => x.traffic_percent);

  it('reads none for a draft and an archived version, and all for a lone serving version', () => {
    expect(percents(inferTraffic([v(3, 'draft', null), v(2, 'active', null), v(1, 'archived', null)]))).toEqual([0, 100, 0]);
  });

  it('gives the one serving version left unsaid what the others leave', () => {
    expect(percents(inferTraffic([v(3, 'active', null), v(2, 'draining', 30), v(1, 'draining', 0)]))).toEqual([70, 30, 0]);
  });

  it('leaves two unsaid serving versions unknown, and a status it does not know alone', () => {
    expect(percents(inferTraffic([v(3, 'active', null), v(2, 'draining', null), v(1, 'retired', null)]))).toEqual([null, null, null]);
    expect(knowsTraffic(inferTraffic([v(3, 'active', null), v(2, 'draining', null)]))).toBe(false);
    expect(knowsTraffic(inferTraffic([v(3, 'active', null), v(2, 'draining', 40)]))).toBe(true);
  });

  it('lists an unknown share after the known ones, and says so in words', () => {
    expect(servingVersions([v(1, 'draining', null), v(2, 'active', 10)]).map((x) => x.version)).toEqual([2, 1]);
    expect([trafficText(40), trafficText(null)]).toEqual(['40%', 'traffic not given']);
  });
});
