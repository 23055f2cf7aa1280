import { paths } from '@/contract/paths';
import { readUser, UserInvite } from '@/contract/users';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';
import { useCreateThenRefresh } from '../mutations';

/** `POST /users/invite` (seed 001): the platform mails the invited person a one-time link; the answer is the invited user. */
export const inviteUser = (input: UserInvite, idempotencyKey: string) =>
  api.post(paths.userInvite(), readUser, { body: UserInvite.parse(input), idempotencyKey });

export const useInviteUser = () => useCreateThenRefresh(inviteUser, userKeys.lists());
