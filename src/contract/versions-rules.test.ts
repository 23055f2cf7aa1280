import { describe, expect, it } from 'vitest';
import { isDrainingOut, isPublished, isServing, servingVersions } from './versions-rules';

const v = (version: number, status: string, traffic_percent: number) => ({ id: `v${version}`, version, status, traffic_percent });

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
