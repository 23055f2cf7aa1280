import { useMutation } from '@tanstack/react-query';
import { ApiKeyExchangeRequest, LoginRequest, TokenResponse } from '@/contract/auth';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { setSession } from '@/lib/session';

export type SignInInput = { method: 'password'; email: string; password: string } | { method: 'api-key'; api_key: string };

export async function signIn(input: SignInInput): Promise<void> {
  const tokens =
    input.method === 'password'
      ? await api.post(paths.login(), TokenResponse, { body: LoginRequest.parse({ email: input.email, password: input.password }), anonymous: true })
      : await api.post(paths.apiKeyExchange(), TokenResponse, { body: ApiKeyExchangeRequest.parse({ api_key: input.api_key }), anonymous: true });
  setSession(tokens);
}

export const useSignIn = () => useMutation({ mutationFn: signIn });
