import { queryOptions, useQuery } from '@tanstack/react-query';
import { isKnown } from '@/contract/reading';
import { userKeys } from './keys';
import { getUsers } from './get-users';

/**
 * How many admins the organization has, so that the page can say before
 * trying that the last one can be neither demoted nor removed. One page of
 * active users, admins first; `known` is false when that page cannot tell
 * (more users than it holds and fewer than two admins among them) — then the
 * platform's 409 is the judge.
 */
export async function getAdminCount(signal?: AbortSignal): Promise<{ admins: number; known: boolean }> {
  const page = await getUsers({ limit: 100, offset: 0, sort: 'role', order: 'asc', status: 'active' }, signal);
  const admins = page.items.filter((u) => isKnown(['admin'], u.role)).length;
  return { admins, known: admins >= 2 || page.items.length + page.invalid.length >= page.total };
}

export const adminCountQueryOptions = () =>
  queryOptions({ queryKey: userKeys.adminCount(), queryFn: ({ signal }) => getAdminCount(signal) });

export const useAdminCount = () => useQuery(adminCountQueryOptions());
