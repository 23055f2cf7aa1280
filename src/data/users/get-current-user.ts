import { paths } from '@/contract/paths';
import { readUser } from '@/contract/users';
import { api } from '@/lib/api-client';

/** `GET /users/me` (seed 001): the signed-in user as the users list shows them; whoami's fallback for a name. */
export const getCurrentUser = () => api.get(paths.usersMe(), readUser);
