import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/**
 * Rollouts: a service's, composed on the service's key (deleting the service
 * drops them); the workspace's newest-per-service beside the services lists.
 */
export const rolloutKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'rollouts'] as const,
  /** The newest rollout: what the Traffic tab, the publish dialog and the split's lock read. */
  newest: (s: Scope, serviceId: string) => [...rolloutKeys.all(s, serviceId), 'newest'] as const,
  /** Each service's newest rollout, for the services list and "Needs attention". */
  workspaceAll: (s: Scope) => [...serviceKeys.all(s), 'service-rollouts'] as const,
  workspace: (s: Scope, serviceIds: readonly string[] | 'all') => [...rolloutKeys.workspaceAll(s), serviceIds] as const,
};
