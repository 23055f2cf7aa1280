import type { ReactNode } from 'react';

/** A note about the page as a whole; with `reason` null nothing is shown (e.g. why the page is read-only, when it is). */
export function Notice({ reason, children }: { reason?: string | null; children: ReactNode }) {
  if (reason === null) return null;
  return (
    <p className="notice" role="note">
      {reason && `${reason} `}
      {children}
    </p>
  );
}
