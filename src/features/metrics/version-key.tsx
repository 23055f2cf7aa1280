import type { VersionTone } from '@/lib/version-tones';

/** A version's line as a key: its colour and its dash, as the charts draw it (metrics.css). */
export function VersionKey({ tone }: { tone: VersionTone }) {
  return <span className={`version-key version-key-${tone}`} aria-hidden="true" />;
}
