import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/**
 * A service's async jobs, composed on the service's key. Sync calls through
 * the gateway are never cached (a call is an action, and it may carry a
 * pasted token): they have no key.
 */
export const invokeKeys = {
  jobs: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'jobs'] as const,
  job: (s: Scope, serviceId: string, jobId: string) => [...invokeKeys.jobs(s, serviceId), 'one', jobId] as const,
  batch: (s: Scope, serviceId: string, jobIds: readonly string[]) => [...invokeKeys.jobs(s, serviceId), 'batch', [...jobIds]] as const,
};
