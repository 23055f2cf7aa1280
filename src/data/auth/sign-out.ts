import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { clearSession, getSession } from '@/lib/session';

/** Invalidate the tokens on the platform, then forget everything locally — even if the platform is unreachable. */
export async function signOut(): Promise<void> {
  const refreshToken = getSession()?.refreshToken ?? undefined;
  try {
    await api.post(paths.logout(), { body: refreshToken ? { refresh_token: refreshToken } : {}, answer: 'ignored' });
  } catch {
    // Signing out locally must not depend on the network.
  } finally {
    clearSession();
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.clear(),
  });
}
