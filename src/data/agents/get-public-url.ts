import { queryOptions, useQuery } from '@tanstack/react-query';
import { readAgentService } from '@/contract/agents';
import { agentPaths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { agentApiBaseUrl } from '@/lib/env';
import { callExtension } from '@/lib/extensions';
import { agentKeys } from './keys';

/**
 * Extension (CONTRACT §11): an instance's `public_url`, read from
 * `GET /v1/agent-deployments/{id}/services/{service_id}` when the user asks
 * for it. Only the URL is kept, and only while the view that shows it is
 * open: `gcTime: 0` drops it from the cache as soon as nothing observes it,
 * it is never refetched behind the user's back, and never retried.
 */
export const getPublicUrl = async (deploymentId: string, serviceId: string) =>
  (
    await callExtension('agentListings', () =>
      api.get(agentPaths.service(deploymentId, serviceId), readAgentService, { base: agentApiBaseUrl }),
    )
  ).public_url;

export const publicUrlQueryOptions = (orgId: string, deploymentId: string, serviceId: string) =>
  queryOptions({
    queryKey: agentKeys.publicUrl(orgId, deploymentId, serviceId),
    queryFn: () => getPublicUrl(deploymentId, serviceId),
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** The public URL while `shown`; nothing is fetched until then. */
export const usePublicUrl = (orgId: string, deploymentId: string, serviceId: string, shown: boolean) =>
  useQuery({ ...publicUrlQueryOptions(orgId, deploymentId, serviceId), enabled: shown });
