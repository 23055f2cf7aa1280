/**
 * The colour of each version, the same wherever versions are drawn side by
 * side (the Traffic tab's split, the Metrics tab's lines): the active version
 * in the accent, draining ones in two alternating ambers, oldest first, and
 * versions that no longer serve (archived, or anything else) in two greys.
 * The colours themselves are CSS variables (`--version-<tone>`, styles.css),
 * so both themes have theirs.
 */
export type VersionTone = 'active' | 'draining-0' | 'draining-1' | 'retired-0' | 'retired-1';

export function versionTones(versions: readonly { version: number; status: string }[]): Map<number, VersionTone> {
  const tones = new Map<number, VersionTone>();
  let draining = 0;
  let retired = 0;
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    tones.set(
      v.version,
      v.status === 'active'
        ? 'active'
        : v.status === 'draining'
          ? `draining-${(draining++ % 2) as 0 | 1}`
          : `retired-${(retired++ % 2) as 0 | 1}`,
    );
  }
  return tones;
}

/** The CSS variable that holds a tone's colour. */
export const toneVariable = (tone: VersionTone) => `--version-${tone}`;
