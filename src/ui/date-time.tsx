import { formatDateTime } from '@/lib/format';

/** A platform time (ISO 8601), in the reader's words and time zone; `fallback` when there is none. */
export function DateTime({ iso, fallback = '—' }: { iso: string | null | undefined; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}
