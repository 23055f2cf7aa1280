import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/** A service's activity, composed on the service's key: every change to the service refreshes it. */
export const activityKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'activity'] as const,
  list: (s: Scope, serviceId: string, query: { limit: number; kinds: readonly string[] }) =>
    [...activityKeys.all(s, serviceId), query] as const,
};
