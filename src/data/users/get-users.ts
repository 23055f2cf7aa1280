import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { paths } from '@/contract/paths';
import { readUserPage, type UserListQuery } from '@/contract/users';
import { api } from '@/lib/api-client';
import { userKeys } from './keys';

/** `GET /users` (seed 001): a page of the organization's users and pending invitations, read row by row. */
export const getUsers = (query: UserListQuery, signal?: AbortSignal) => api.get(paths.users(), readUserPage, { query, signal });

export const usersQueryOptions = (query: UserListQuery) =>
  queryOptions({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => getUsers(query, signal),
    // Keep the rows on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });

export const useUsers = (query: UserListQuery) => useQuery(usersQueryOptions(query));
