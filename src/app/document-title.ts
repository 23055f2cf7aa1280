import { useMatches } from '@tanstack/react-router';
import { useEffect } from 'react';
import { describeFailure, failedMatch, type FailedMatch } from './failure';

export const APP_NAME = 'Hosted Services';

/** The parts of a match the title is made of. */
type TitledMatch = FailedMatch & { staticData: { crumb?: string; title?: string }; loaderData?: unknown };

/** A route's word in the title: its `staticData.title`, else its breadcrumb (static, or the `crumb` its loader returned). */
function partOf(match: TitledMatch): string | undefined {
  return match.staticData.title ?? (match.loaderData as { crumb?: string } | undefined)?.crumb ?? match.staticData.crumb;
}

/**
 * The document title for the matched routes, most specific first, ending in
 * the app's name: "Traffic · Document Processor · Hosted Services". A failed
 * or missing page is named by its failure ("Service not found · Hosted Services").
 */
export function documentTitle(matches: TitledMatch[]): string {
  const failed = failedMatch(matches);
  const shown = failed ? matches.slice(0, matches.indexOf(failed)) : matches;
  const parts = shown.map(partOf).filter((p): p is string => typeof p === 'string' && p !== '');
  if (failed) parts.push(describeFailure(failed).heading);
  const title = parts.reverse();
  // The services list's crumb is the app's name too: said once, at the end.
  while (title[title.length - 1] === APP_NAME) title.pop();
  return [...title, APP_NAME].join(' · ');
}

/**
 * Keeps `document.title` on the page's own title. Routes name themselves with
 * `staticData: { crumb }` (in the breadcrumbs too), a loader's `{ crumb }` (a
 * record's name), or `staticData: { title }` (the title only).
 */
export function useDocumentTitle(): void {
  const title = useMatches({ select: (matches) => documentTitle(matches as TitledMatch[]) });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
