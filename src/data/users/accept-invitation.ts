import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readTokenResponse } from '@/contract/auth';
import { paths } from '@/contract/paths';
import { InvitationAccept } from '@/contract/users';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { setSession } from '@/lib/session';

/**
 * `POST /auth/invitations/accept` (our extension): the invited person's
 * password, and they are signed in. On a platform without it this throws
 * `ExtensionUnavailable`.
 */
export async function acceptInvitation(input: InvitationAccept): Promise<void> {
  const tokens = await callExtension('invitationAccept', () =>
    api.post(paths.invitationAccept(), readTokenResponse, { body: InvitationAccept.parse(input), anonymous: true }),
  );
  setSession(tokens);
}

/**
 * `gcTime: 0`: the token and the password are in its variables; they leave
 * the cache when the page does. What this tab had read as someone else goes.
 */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: acceptInvitation, gcTime: 0, onSuccess: () => queryClient.removeQueries() });
}
