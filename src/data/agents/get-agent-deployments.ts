import { queryOptions, useQuery } from '@tanstack/react-query';
import { readAgentDeploymentPage } from '@/contract/agents';
import { agentPaths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { agentApiBaseUrl } from '@/lib/env';
import { callExtension } from '@/lib/extensions';
import { agentKeys } from './keys';

/** Extension (CONTRACT §11): `GET /v1/agent-deployments`, the organization's deployments with their versions. */
export const getAgentDeployments = () =>
  callExtension('agentListings', () =>
    api.get(agentPaths.deployments(), readAgentDeploymentPage, { base: agentApiBaseUrl, query: { limit: 100 } }),
  );

export const agentDeploymentsQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: agentKeys.deployments(orgId), queryFn: getAgentDeployments, staleTime: 60_000 });

export const useAgentDeployments = (orgId: string) => useQuery(agentDeploymentsQueryOptions(orgId));
