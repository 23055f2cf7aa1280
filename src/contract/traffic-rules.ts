/**
 * How a publish re-splits traffic (seed 000 "Traffic Splitting"; CONTRACT §3):
 * the new version takes `percent`; the versions already serving share the rest
 * in proportion to what they had (whole numbers, largest remainder first).
 * Versions left with 0 stop serving; the first
 * publish takes all traffic. Pure, so the console can preview exactly
 * what the platform will do.
 */
export function splitAfterPublish<T extends { id: string; percent: number }>(
  serving: T[],
  newVersionId: string,
  percent: number,
): { id: string; percent: number }[] {
  // The first version to publish serves everything, whatever was asked.
  if (serving.length === 0) return [{ id: newVersionId, percent: 100 }];
  const rest = 100 - percent;
  const total = serving.reduce((a, v) => a + v.percent, 0);
  const exact = serving.map((v) => ({ id: v.id, raw: total === 0 ? 0 : (v.percent * rest) / total }));
  const floored = exact.map((v) => ({ id: v.id, percent: Math.floor(v.raw), remainder: v.raw - Math.floor(v.raw) }));
  let left = rest - floored.reduce((a, v) => a + v.percent, 0);
  for (const v of [...floored].sort((a, b) => b.remainder - a.remainder)) {
    if (left <= 0) break;
    v.percent += 1;
    left -= 1;
  }
  return [{ id: newVersionId, percent }, ...floored.map(({ id, percent: p }) => ({ id, percent: p }))];
}
