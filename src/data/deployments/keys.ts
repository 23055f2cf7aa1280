import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/** A persistent service's deployment status and history, composed on the service's key. */
export const deploymentKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'deployments'] as const,
  status: (s: Scope, serviceId: string) => [...deploymentKeys.all(s, serviceId), 'status'] as const,
  history: (s: Scope, serviceId: string) => [...deploymentKeys.all(s, serviceId), 'history'] as const,
};
