import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths } from '@/contract/paths';
import { readUser, UserUpdate, type UserListQuery } from '@/contract/users';
import { authKeys } from '@/data/auth/keys';
import type { Me } from '@/data/auth/get-whoami';
import { api } from '@/lib/api-client';
import { replaceRow } from '@/lib/cached-rows';
import { userKeys } from './keys';

/** `PUT /users/{user_id}` (seed 001): a new role applies to the user's next request. */
export const updateUser = (userId: string, input: UserUpdate) => api.put(paths.user(userId), readUser, { body: UserUpdate.parse(input) });

/** Whether a list's rows or their order depend on what the change touched (a role under the role order, a name under search or the name order). */
const reorders = (query: UserListQuery, input: UserUpdate) =>
  (input.role !== undefined && query.sort === 'role') || (input.name !== undefined && (query.sort === 'name' || Boolean(query.search)));

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: UserUpdate }) => updateUser(userId, input),
    // The answer goes in its row in each cached page; what it cannot tell is read again: a page it may move in or out
    // of, how many admins there are, and who the signed-in user is when they changed themselves.
    onSuccess: (user, { input }) => {
      const stale: Promise<void>[] = [queryClient.invalidateQueries({ queryKey: userKeys.adminCount() })];
      for (const [queryKey] of queryClient.getQueriesData({ queryKey: userKeys.lists() })) {
        const query = queryKey[2] as UserListQuery;
        if (reorders(query, input)) stale.push(queryClient.invalidateQueries({ queryKey, exact: true }));
        else replaceRow(queryClient, queryKey, user);
      }
      if (queryClient.getQueryData<Me>(authKeys.whoami())?.id === user.id)
        stale.push(queryClient.invalidateQueries({ queryKey: authKeys.whoami() }));
      return Promise.all(stale);
    },
  });
}
