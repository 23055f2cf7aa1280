import { Link, useMatches } from '@tanstack/react-router';

/** Built from the matched routes' `staticData.crumb` or the crumb their loader returned. */
export function Breadcrumbs() {
  const crumbs = useMatches({
    select: (matches) =>
      matches
        .map((m) => {
          const fromLoader = (m.loaderData as { crumb?: string } | undefined)?.crumb;
          return { label: fromLoader ?? m.staticData.crumb, pathname: m.pathname, id: m.id };
        })
        .filter((c): c is { label: string; pathname: string; id: string } => typeof c.label === 'string'),
  });
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.id}>
            {i === crumbs.length - 1 ? <span aria-current="page">{c.label}</span> : <Link to={c.pathname}>{c.label}</Link>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
