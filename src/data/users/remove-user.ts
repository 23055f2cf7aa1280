import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';
import { useMutationThenRefresh } from '../mutations';

/** `DELETE /users/{user_id}` (seed 001): the user's sessions end at once; an invitation's link stops working. */
export const removeUser = (userId: string) => api.delete(paths.user(userId));

export const useRemoveUser = () => useMutationThenRefresh((userId: string) => removeUser(userId), userKeys.all());
