import { versionTones } from '@/lib/version-tones';

export type SplitSegment = { id: string; version: number; status: string; percent: number };

/** "v1 (draining) 80%, v2 (active) 20%": what the bar shows, for screen readers and tests. */
export function describeSegments(segments: SplitSegment[]): string {
  return [...segments]
    .sort((a, b) => a.version - b.version)
    .map((s) => `v${s.version} (${s.status}) ${s.percent}%`)
    .join(', ');
}

/**
 * The class of each version's colour, by id: the colours every page gives
 * versions (lib/version-tones.ts), so a version's line on the Metrics tab is
 * its segment's colour here.
 */
export function segmentTones(segments: Pick<SplitSegment, 'id' | 'version' | 'status'>[]): Map<string, string> {
  const tones = versionTones(segments);
  return new Map(segments.map((s) => [s.id, `split-${tones.get(s.version) ?? 'retired-0'}`]));
}

/**
 * A traffic split drawn as one horizontal bar, a segment per version, oldest
 * on the left. Versions at 0% take no room; the legend beside it lists them.
 */
export function SplitBar({ segments, label }: { segments: SplitSegment[]; label: string }) {
  const tones = segmentTones(segments);
  const visible = [...segments].sort((a, b) => a.version - b.version).filter((s) => s.percent > 0);
  // While a split being edited adds up to less than 100, the rest shows as a gap rather than stretching the others.
  const unassigned = 100 - segments.reduce((total, s) => total + s.percent, 0);
  return (
    <div className="split-bar" role="img" aria-label={`${label}: ${describeSegments(segments)}`}>
      {visible.length === 0 ? (
        <span className="split-empty">No traffic</span>
      ) : (
        visible.map((s) => (
          <span
            key={s.id}
            className={`split-segment ${tones.get(s.id)}`}
            style={{ flexGrow: s.percent }}
            title={`v${s.version} (${s.status}): ${s.percent}%`}
          >
            {s.percent >= 12 ? (
              <>
                <strong>v{s.version}</strong> {s.percent}%
              </>
            ) : s.percent >= 6 ? (
              `${s.percent}%`
            ) : null}
          </span>
        ))
      )}
      {visible.length > 0 && unassigned > 0 && (
        <span className="split-segment split-unassigned" style={{ flexGrow: unassigned }} title={`${unassigned}% not assigned`} />
      )}
    </div>
  );
}

export function SplitSwatch({ tone }: { tone: string | undefined }) {
  return <span className={`split-swatch ${tone ?? ''}`} aria-hidden="true" />;
}
