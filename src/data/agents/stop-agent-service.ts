import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readAgentService } from '@/contract/agents';
import { agentPaths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { replaceRow } from '@/lib/cached-rows';
import { agentApiBaseUrl } from '@/lib/env';
import { callExtension } from '@/lib/extensions';
import { withoutPublicUrl } from './agent-service-row';
import { agentKeys } from './keys';

/** Extension (CONTRACT §11): `POST /v1/agent-deployments/{id}/services/{service_id}/stop` (stopping, then stopped). */
export const stopAgentService = (deploymentId: string, serviceId: string) =>
  callExtension('agentListings', () =>
    api.post(agentPaths.stop(deploymentId, serviceId), readAgentService, { base: agentApiBaseUrl }),
  ).then(withoutPublicUrl);

export function useStopAgentService(orgId: string, deploymentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceId: string) => stopAgentService(deploymentId, serviceId),
    // The answer is the instance, stopping: in its row, the list polls again until it has stopped.
    onSuccess: (instance) =>
      replaceRow(queryClient, agentKeys.services(orgId, deploymentId), instance) ||
      queryClient.invalidateQueries({ queryKey: agentKeys.services(orgId, deploymentId) }),
  });
}
