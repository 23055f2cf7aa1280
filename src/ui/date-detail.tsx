import { DateTime } from './date-time';
import { Detail } from './details';

/** A Detail whose value is a platform time, in the reader's words (see DateTime). */
export function DateDetail({ term, iso, fallback }: { term: string; iso: string | null | undefined; fallback?: string }) {
  return (
    <Detail term={term}>
      <DateTime iso={iso} fallback={fallback} />
    </Detail>
  );
}
