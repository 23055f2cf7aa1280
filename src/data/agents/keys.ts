/**
 * Query keys of the organization's agent deployments and their instances.
 * A public URL has a key of its own, outside the instances' (so refreshing a
 * list never fetches one), and is never kept (see get-public-url.ts).
 */
export const agentKeys = {
  all: (orgId: string) => ['agents', orgId] as const,
  deployments: (orgId: string) => [...agentKeys.all(orgId), 'deployments'] as const,
  services: (orgId: string, deploymentId: string) => [...agentKeys.all(orgId), 'services', deploymentId] as const,
  publicUrl: (orgId: string, deploymentId: string, serviceId: string) =>
    [...agentKeys.all(orgId), 'public-url', deploymentId, serviceId] as const,
};
