import { useState, type ReactElement } from 'react';
import type { SearchProps } from '@/lib/route-props';

/**
 * A feature that takes its search as props (`SearchProps`), with the search
 * kept as its route would keep it: a change merges into it. `onChange` sees
 * each search the feature asks for, as a route's URL would show it.
 */
export function WithSearch<S>({
  initial,
  onChange,
  children,
}: {
  initial: S;
  onChange?: (search: S) => void;
  children: (props: SearchProps<S>) => ReactElement;
}) {
  const [search, setSearch] = useState(initial);
  return children({
    search,
    onSearchChange: (next) =>
      setSearch((prev) => {
        const merged = { ...prev, ...next };
        onChange?.(merged);
        return merged;
      }),
  });
}
