/** The part of a route match a failure is told from. */
export type FailedMatch = { routeId: string; status: string; error: unknown; _notFound?: boolean };

/** The first match that failed or found nothing, if any. */
export function failedMatch<M extends FailedMatch>(matches: M[]): M | undefined {
  return matches.find((m) => m._notFound || m.status === 'error' || m.status === 'notFound');
}
