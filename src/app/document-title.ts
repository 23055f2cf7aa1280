import { useMatches } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { failedMatch, type FailedMatch } from './failed-match';

export const APP_NAME = 'Hosted Services';

/** The parts of a match the title is made of. */
type TitledMatch = FailedMatch & { staticData: { crumb?: string; title?: string }; loaderData?: unknown };

/** What a failed match is called (`describeFailure(match).heading`, failure.ts). */
type FailureHeading = (match: FailedMatch) => string;

/** A route's word in the title: its `staticData.title`, else its breadcrumb (static, or the `crumb` its loader returned). */
function partOf(match: TitledMatch): string | undefined {
  return match.staticData.title ?? (match.loaderData as { crumb?: string } | undefined)?.crumb ?? match.staticData.crumb;
}

/**
 * The document title for the matched routes, most specific first, ending in
 * the app's name: "Traffic · Document Processor · Hosted Services". A failed
 * or missing page is named by its failure ("Service not found · Hosted Services"),
 * once `failureHeading` is known.
 */
export function documentTitle(matches: TitledMatch[], failureHeading?: FailureHeading): string {
  const failed = failedMatch(matches);
  const shown = failed ? matches.slice(0, matches.indexOf(failed)) : matches;
  const parts = shown.map(partOf).filter((p): p is string => typeof p === 'string' && p !== '');
  if (failed && failureHeading) parts.push(failureHeading(failed));
  const title = parts.reverse();
  // The services list's crumb is the app's name too: said once, at the end.
  while (title[title.length - 1] === APP_NAME) title.pop();
  return [...title, APP_NAME].join(' · ');
}

/**
 * Failures are named by failure.ts, which loads with the failure page rather
 * than with the services list's first load: a page that failed is titled
 * without its failure until then (the moment the failure page takes to load).
 */
let failureHeading: FailureHeading | undefined;

/**
 * Keeps `document.title` on the page's own title. Routes name themselves with
 * `staticData: { crumb }` (in the breadcrumbs too), a loader's `{ crumb }` (a
 * record's name), or `staticData: { title }` (the title only).
 */
export function useDocumentTitle(): void {
  const [, setNamed] = useState(failureHeading !== undefined);
  const title = useMatches({ select: (matches) => documentTitle(matches as TitledMatch[], failureHeading) });
  const failed = useMatches({ select: (matches) => failedMatch(matches) !== undefined });
  useEffect(() => {
    if (!failed || failureHeading) return;
    void import('./failure').then(({ describeFailure }) => {
      failureHeading = (match) => describeFailure(match).heading;
      setNamed(true);
    });
  }, [failed]);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
