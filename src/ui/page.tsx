import type { ReactNode } from 'react';

/** A page of the console: its title (the h1) names it for assistive tech; actions sit beside the title. */
export function Page({
  id,
  title,
  subtitle,
  actions,
  narrow,
  children,
}: {
  /** The h1's id, which names the page's landmark. */
  id: string;
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** A form's page, kept to a readable width. */
  narrow?: boolean;
  children?: ReactNode;
}) {
  return (
    <section className={narrow ? 'page page-narrow' : 'page'} aria-labelledby={id}>
      <header className="page-header">
        <div>
          <h1 id={id}>{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}
