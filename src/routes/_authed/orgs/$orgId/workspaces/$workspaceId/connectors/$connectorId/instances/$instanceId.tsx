import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { connectorTypesQueryOptions } from '@/data/connectors/get-connector-types';
import { instanceQueryOptions } from '@/data/connectors/get-instance';
import { InstancePage } from '@/features/connector-operations/instance-page';
import { InstanceConnection } from '@/features/connectors/instance-connection';
import { ApiError } from '@/lib/api-error';
import { useSearchProps, workspaceProps } from '@/lib/route-props';

/** The operation picked is in the URL, so a link opens the same form; a bad value falls back to the first operation. */
const InstanceSearch = z.object({
  operation: z.catch(z.optional(z.string().check(z.maxLength(100))), undefined),
});

export const Route = createFileRoute('/_authed/orgs/$orgId/workspaces/$workspaceId/connectors/$connectorId/instances/$instanceId')({
  validateSearch: InstanceSearch,
  loader: async ({ context: { queryClient }, params }) => {
    const [instance] = await Promise.all([
      queryClient.ensureQueryData(instanceQueryOptions(params, params.connectorId, params.instanceId)),
      queryClient.ensureQueryData(connectorTypesQueryOptions(params)),
    ]);
    return { crumb: instance.name };
  },
  component: InstanceRoute,
});

function InstanceRoute() {
  const { connectorId, instanceId, ...params } = Route.useParams();
  const { search, onSearchChange } = useSearchProps(Route, { resetScroll: false });
  const scope = workspaceProps(params);
  // Deleted in another tab while this page was open: its next read (the tab shown again) finds it gone, and the
  // route's failure page says so as for a bad link (app/failure.ts: "Connector instance not found", Back to Connectors).
  const { error } = useQuery(instanceQueryOptions(scope.scope, connectorId, instanceId));
  if (error instanceof ApiError && error.status === 404) throw error;
  return (
    <InstancePage
      {...scope}
      connection={<InstanceConnection scope={scope.scope} connectorId={connectorId} instanceId={instanceId} />}
      connectorId={connectorId}
      instanceId={instanceId}
      operationId={search.operation}
      onOperationChange={(operation) => onSearchChange({ operation })}
    />
  );
}
