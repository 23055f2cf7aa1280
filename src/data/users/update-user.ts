import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths } from '@/contract/paths';
import { readUser, UserUpdate } from '@/contract/users';
import { authKeys } from '@/data/auth/keys';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';

/** `PUT /users/{user_id}` (seed 001): a new role applies to the user's next request. */
export const updateUser = (userId: string, input: UserUpdate) => api.put(paths.user(userId), readUser, { body: UserUpdate.parse(input) });

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: UserUpdate }) => updateUser(userId, input),
    // The list, and who the signed-in user is (an admin may have changed their own role).
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all() }),
        queryClient.invalidateQueries({ queryKey: authKeys.whoami() }),
      ]),
  });
}
