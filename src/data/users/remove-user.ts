import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';

/** `DELETE /users/{user_id}` (seed 001): the user's sessions end at once; an invitation's link stops working. */
export const removeUser = (userId: string) => api.delete(paths.user(userId));

export function useRemoveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeUser(userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all() }),
  });
}
