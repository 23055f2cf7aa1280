import { queryOptions, useQuery } from '@tanstack/react-query';
import { readAgentServicePage } from '@/contract/agents';
import { agentPaths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { agentApiBaseUrl } from '@/lib/env';
import { callExtension } from '@/lib/extensions';
import { withoutPublicUrl } from './agent-service-row';
import { agentPollInterval } from './agent-polling';
import { agentKeys } from './keys';

/**
 * Extension (CONTRACT §11): `GET /v1/agent-deployments/{id}/services`, newest
 * first. Each instance's `public_url` is dropped here, before anything keeps
 * the page (agent-service-row.ts).
 */
export const getAgentServices = (deploymentId: string) =>
  callExtension('agentListings', () =>
    api.get(agentPaths.services(deploymentId), readAgentServicePage, { base: agentApiBaseUrl, query: { limit: 100 } }),
  ).then((page) => ({ ...page, items: page.items.map(withoutPublicUrl) }));

export const agentServicesQueryOptions = (orgId: string, deploymentId: string) =>
  queryOptions({
    queryKey: agentKeys.services(orgId, deploymentId),
    queryFn: () => getAgentServices(deploymentId),
    staleTime: 0,
    // Polled only while an instance is on its way somewhere, backing off (agent-polling.ts).
    refetchInterval: (query) => agentPollInterval(query.state.data?.items),
  });

export const useAgentServices = (orgId: string, deploymentId: string) => useQuery(agentServicesQueryOptions(orgId, deploymentId));
