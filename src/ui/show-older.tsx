import { useState, type ReactNode } from 'react';
import { Button } from './button';

/** How much of a newest-first list to read: a page at first, a page more at each "Show older", up to `max` (the platform's largest `limit`). */
export function useOlder(page: number, max = Infinity) {
  const [limit, setLimit] = useState(page);
  return { limit, more: () => setLimit((n) => Math.min(max, n + page)), full: limit >= max };
}

/** Under a newest-first list, while the platform holds more than it shows: reads a page more. */
export function ShowOlder({
  older,
  page,
  pending,
  children,
}: {
  older: ReturnType<typeof useOlder>;
  /** What was read: its entries, and how many the platform holds. */
  page: { items: readonly unknown[]; total: number };
  pending: boolean;
  children: ReactNode;
}) {
  if (page.total <= page.items.length) return null;
  return (
    <Button size="sm" pending={pending} onClick={older.more} disabled={older.full}>
      {children}
    </Button>
  );
}
