import type { ReactNode } from 'react';

/** A titled section of a page: its heading names it for assistive tech; actions sit beside the heading. */
export function Card({
  id,
  heading,
  subtitle,
  actions,
  level = 2,
  className,
  children,
}: {
  id: string;
  heading: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  level?: 2 | 3;
  className?: string;
  children?: ReactNode;
}) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      <div className="card-header">
        <div>
          <Heading id={id} className={level === 3 ? 'card-heading' : undefined}>
            {heading}
          </Heading>
          {subtitle && <p className="muted card-subtitle">{subtitle}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
