import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/** Files generated from a published version, composed on the service's key; a published version never changes, so neither do they. */
export const stubKeys = {
  all: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'stubs'] as const,
  stub: (s: Scope, serviceId: string, language: string, version: number) => [...stubKeys.all(s, serviceId), language, version] as const,
  openapi: (s: Scope, serviceId: string, version: number) => [...stubKeys.all(s, serviceId), 'openapi', version] as const,
};
