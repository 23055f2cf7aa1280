import { queryOptions, useQuery } from '@tanstack/react-query';
import { readAgentDeploymentPage } from '@/contract/agents';
import { agentPaths } from '@/contract/paths';
import { readAllPages } from '@/lib/all-pages';
import { api } from '@/lib/api-client';
import { agentApiBaseUrl } from '@/lib/env';
import { callExtension } from '@/lib/extensions';
import { agentKeys } from './keys';

/** Extension (CONTRACT §11): `GET /v1/agent-deployments`, every deployment of the organization with its versions, by name. */
export const getAgentDeployments = () =>
  callExtension('agentListings', () =>
    readAllPages((page) =>
      api.get(agentPaths.deployments(), readAgentDeploymentPage, { base: agentApiBaseUrl, query: { ...page, sort: 'name', order: 'asc' } }),
    ),
  );

export const agentDeploymentsQueryOptions = (orgId: string) =>
  queryOptions({ queryKey: agentKeys.deployments(orgId), queryFn: getAgentDeployments, staleTime: 60_000 });

export const useAgentDeployments = (orgId: string) => useQuery(agentDeploymentsQueryOptions(orgId));
