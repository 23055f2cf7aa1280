import { useMutation } from '@tanstack/react-query';
import { ApiKeyExchangeRequest, LoginRequest, readTokenResponse } from '@/contract/auth';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { setSession } from '@/lib/session';

export type SignInInput = { method: 'password'; email: string; password: string } | { method: 'api-key'; api_key: string };

/**
 * The token set is read leniently (`token_type: "Bearer"`, no refresh token or
 * lifetime). The API-key exchange exists (seed 004) but its path is ours: on a
 * platform without it, this throws `ExtensionUnavailable`.
 */
export async function signIn(input: SignInInput): Promise<void> {
  const tokens =
    input.method === 'password'
      ? await api.post(paths.login(), readTokenResponse, {
          body: LoginRequest.parse({ email: input.email, password: input.password }),
          anonymous: true,
        })
      : await callExtension('apiKeySignIn', () =>
          api.post(paths.apiKeyExchange(), readTokenResponse, {
            body: ApiKeyExchangeRequest.parse({ api_key: input.api_key }),
            anonymous: true,
          }),
        );
  setSession(tokens);
}

export const useSignIn = () => useMutation({ mutationFn: signIn });
