import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Scope } from '@/contract/paths';

/**
 * Routes hand features what the URL says, as typed props: a route file reads
 * `Route.useParams()` / `Route.useSearch()` and renders its feature with them,
 * so features never read the router themselves.
 */
export type WorkspaceProps = { scope: Scope };
export type ServiceProps = { scope: Scope; serviceId: string };

export const workspaceProps = ({ orgId, workspaceId }: Scope): WorkspaceProps => ({ scope: { orgId, workspaceId } });

export const serviceProps = ({ orgId, workspaceId, serviceId }: Scope & { serviceId: string }): ServiceProps => ({
  scope: { orgId, workspaceId },
  serviceId,
});

/**
 * One loader per resource: a child route that needs what its parent route
 * loads waits for the parent's loader, then reads the query cache, rather
 * than loading the resource a second time.
 */
export async function loadedByParent<TKey extends QueryKey>(parentMatch: Promise<unknown>, queryClient: QueryClient, queryKey: TKey) {
  await parentMatch;
  return queryClient.getQueryData(queryKey);
}
