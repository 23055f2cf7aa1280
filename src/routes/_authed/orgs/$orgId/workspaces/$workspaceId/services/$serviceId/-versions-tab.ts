/**
 * The service's tabs that work from its versions (Logs, Metrics, Stubs, Test): the route waits for the
 * versions (the page names, colours or picks them), and the page gets the service and the tab's state in the
 * URL. Only the split half of each route (its loader and component) imports this, so the versions' code
 * comes with the tab, not with the first page. The `-` keeps this file out of the route tree.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { serviceProps, useSearchProps, type SearchRoute } from '@/lib/route-props';

type ServiceParams = Scope & { serviceId: string };

export const loadVersions = ({ context: { queryClient }, params }: { context: { queryClient: QueryClient }; params: ServiceParams }) =>
  queryClient.ensureQueryData(versionsQueryOptions(params, params.serviceId));

/** The page's props: its service, and its state in the URL (a change keeps the scroll: the tab stays the same page). */
export const useVersionsTabProps = <TRoute extends SearchRoute & { useParams: () => ServiceParams }>(route: TRoute) => ({
  ...serviceProps(route.useParams()),
  ...useSearchProps(route, { resetScroll: false }),
});
