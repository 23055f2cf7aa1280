import type { ReactNode } from 'react';

/**
 * What a role may not do here, said before any form is shown: why, and a way
 * back (a route guard's page, e.g. New Service for a viewer). The platform
 * refuses anyway (403); this saves filling a form for nothing.
 */
export function NotAllowed({
  title,
  reason,
  action,
  children,
}: {
  title: string;
  reason: string;
  action: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="state state-empty" role="note" aria-label={title}>
      <svg className="state-icon" viewBox="0 0 48 48" aria-hidden="true">
        <rect x="12" y="21" width="24" height="17" rx="3" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M17 21v-5a7 7 0 0 1 14 0v5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      </svg>
      <h2>{title}</h2>
      <div className="state-body">
        <p>{reason}</p>
        {children}
      </div>
      {action}
    </div>
  );
}
