import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { Whoami } from '@/contract/auth';
import { paths } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

export const getWhoami = () => api.get(paths.whoami(), Whoami);

export const whoamiQueryOptions = () => queryOptions({ queryKey: authKeys.whoami(), queryFn: getWhoami, staleTime: 5 * 60_000 });

export const useWhoami = () => useSuspenseQuery(whoamiQueryOptions()).data;
