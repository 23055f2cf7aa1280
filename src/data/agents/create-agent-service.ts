import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AgentServiceCreate, readAgentService, type AgentServiceCreateInput } from '@/contract/agents';
import { agentPaths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { agentApiBaseUrl } from '@/lib/env';
import { withoutPublicUrl } from './agent-service-row';
import { agentKeys } from './keys';

/**
 * `POST /v1/agent-deployments/{deployment_id}/services` (seed 003): the
 * Idempotency-Key is required. The answer is kept without its public URL.
 */
export const createAgentService = (deploymentId: string, input: AgentServiceCreateInput, idempotencyKey: string) =>
  api
    .post(agentPaths.services(deploymentId), readAgentService, {
      base: agentApiBaseUrl,
      body: AgentServiceCreate.parse(input),
      idempotencyKey,
    })
    .then(withoutPublicUrl);

type Create = { deploymentId: string; input: AgentServiceCreateInput; idempotencyKey: string };

/**
 * The variables hold the environment values, which are write-only: with
 * `gcTime: 0` the mutation leaves the cache as soon as its caller resets it
 * (after every attempt) or unmounts.
 */
export function useCreateAgentService(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deploymentId, input, idempotencyKey }: Create) => createAgentService(deploymentId, input, idempotencyKey),
    gcTime: 0,
    onSuccess: (_created, { deploymentId }) => queryClient.invalidateQueries({ queryKey: agentKeys.services(orgId, deploymentId) }),
  });
}
