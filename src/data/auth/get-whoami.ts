import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readWhoami } from '@/contract/auth';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

/** Read leniently: a role the console does not know is treated as viewer, with a notice (`role_unrecognized`). */
export const getWhoami = () => api.get(paths.whoami(), readWhoami);

export const whoamiQueryOptions = () => queryOptions({ queryKey: authKeys.whoami(), queryFn: getWhoami, staleTime: 5 * 60_000 });

export const useWhoami = () => useSuspenseQuery(whoamiQueryOptions()).data;
