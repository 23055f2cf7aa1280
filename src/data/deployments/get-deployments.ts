import { queryOptions } from '@tanstack/react-query';
import { pageOrArray } from '@/contract/common';
import { Deployment } from '@/contract/deployments';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { deploymentKeys } from './keys';

const DeploymentList = pageOrArray(Deployment);

/** Past builds, deploys and teardowns, newest first (`GET …/deployments`, an extension). */
export const getDeployments = (scope: Scope, serviceId: string) =>
  api.get(paths.deployments(scope, serviceId), DeploymentList).then((page) => ({
    items: [...page.items].sort((a, b) => b.started_at.localeCompare(a.started_at)),
  }));

export const deploymentsQueryOptions = (scope: Scope, serviceId: string) =>
  queryOptions({ queryKey: deploymentKeys.history(scope, serviceId), queryFn: () => getDeployments(scope, serviceId), staleTime: 0 });
