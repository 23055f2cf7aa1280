import type { QueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readServiceVersion, type ServiceVersionRead } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { readExtension } from '@/lib/extensions';
import { versionsQueryOptions } from './get-versions';
import { versionKeys } from './keys';

/** `GET …/versions/{version_id}` (our extension): one version, when the list does not hold it. */
export const getVersion = (scope: Scope, serviceId: string, versionId: string) =>
  readExtension('versionDetail', () => api.get(paths.version(scope, serviceId, versionId), readServiceVersion));

/**
 * A version as its page needs it: from the versions list (documented), else —
 * a version beyond the list's first page — from `GET …/versions/{id}` where the
 * platform has it. Null when neither knows it (the page then does not exist).
 * What the read brings is added to the cached list, so the page reads it there.
 */
export async function findVersion(
  queryClient: QueryClient,
  scope: Scope,
  serviceId: string,
  versionId: string,
): Promise<ServiceVersionRead | null> {
  const list = await queryClient.ensureQueryData(versionsQueryOptions(scope, serviceId));
  const listed = list.items.find((v) => v.id === versionId);
  if (listed) return listed;
  try {
    const read = await getVersion(scope, serviceId, versionId);
    if (!read.available) return null;
    queryClient.setQueryData(versionKeys.list(scope, serviceId), (old: typeof list | undefined) =>
      old ? { ...old, items: [...old.items, read.data].sort((a, b) => b.version - a.version) } : old,
    );
    return read.data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
