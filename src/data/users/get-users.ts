import { useQuery } from '@tanstack/react-query';
import { paths } from '@/contract/paths';
import { readUserPage, type UserListQuery } from '@/contract/users';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';
import { pageQueryOptions } from '../page-query';

/** `GET /users` (seed 001): a page of the organization's users and pending invitations, read row by row. */
export const getUsers = (query: UserListQuery, signal?: AbortSignal) => api.get(paths.users(), readUserPage, { query, signal });

export const usersQueryOptions = (query: UserListQuery) => pageQueryOptions(userKeys.list(query), (signal) => getUsers(query, signal));

export const useUsers = (query: UserListQuery) => useQuery(usersQueryOptions(query));
