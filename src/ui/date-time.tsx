import { formatDateTime, formatRelative } from '@/lib/format';

/** A platform time (ISO 8601), in the reader's words and time zone; `fallback` when there is none. */
export function DateTime({ iso, fallback = '—' }: { iso: string | null | undefined; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

/** "3 days ago", "in 7 days": short enough for a row or a timeline; the exact time in its title. `fallback` when there is none. */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | null | undefined; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
