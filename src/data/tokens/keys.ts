import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/** A service's token revocations, composed on the service's key (minted tokens are never cached). */
export const tokenKeys = {
  revocations: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'revocations'] as const,
  revocationList: (s: Scope, serviceId: string, includeExpired: boolean) => [...tokenKeys.revocations(s, serviceId), includeExpired] as const,
};
