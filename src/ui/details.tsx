import type { ReactNode } from 'react';

/** One term of a `<dl className="details">` and what it says; `wide` takes the whole row. */
export function Detail({
  term,
  wide,
  mono,
  title,
  children,
}: {
  term: string;
  wide?: boolean;
  mono?: boolean;
  title?: string;
  children: ReactNode;
}) {
  return (
    <div className={wide ? 'details-wide' : undefined}>
      <dt>{term}</dt>
      <dd className={mono ? 'mono' : undefined} title={title}>
        {children}
      </dd>
    </div>
  );
}
