import { queryOptions } from '@tanstack/react-query';
import { readDeploymentStatus } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import type { HostedServiceRead } from '@/contract/services';
import { api } from '@/lib/api-client';
import { serviceKeys } from '../services/keys';
import { deploymentKeys } from './keys';

/** `GET …/deployment-status` (seed 000): state, health, message, synced; our extras when the platform sends them. */
export const getDeploymentStatus = (scope: Scope, serviceId: string) =>
  api.get(paths.deploymentStatus(scope, serviceId), readDeploymentStatus);

/**
 * Each status read also brings the service record's `deployment_state` (the
 * header's badge) up to date, so the header follows the polled status without
 * refetching the service.
 */
export const deploymentStatusQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({
    queryKey: deploymentKeys.status(scope, serviceId),
    queryFn: async ({ client }) => {
      const status = await getDeploymentStatus(scope, serviceId);
      client.setQueryData<HostedServiceRead>(serviceKeys.detail(scope, serviceId), (service) =>
        service && service.deployment_state !== status.deployment_state
          ? { ...service, deployment_state: status.deployment_state }
          : service,
      );
      return status;
    },
    staleTime: 0,
  });
