import type { Scope } from '@/contract/paths';
import { serviceKeys } from '../services/keys';

/** A service's token revocations and minted tokens (their metadata), composed on the service's key; a token itself is never cached. */
export const tokenKeys = {
  revocations: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'revocations'] as const,
  revocationList: (s: Scope, serviceId: string, includeExpired: boolean) =>
    [...tokenKeys.revocations(s, serviceId), includeExpired] as const,
  minted: (s: Scope, serviceId: string) => [...serviceKeys.detail(s, serviceId), 'minted-tokens'] as const,
  mintedList: (s: Scope, serviceId: string, limit: number) => [...tokenKeys.minted(s, serviceId), limit] as const,
};
