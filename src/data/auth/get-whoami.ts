import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { readWhoami, type WhoamiRead } from '@/contract/auth-read';
import { paths } from '@/contract/paths';
import { lenient } from '@/contract/reading';
import { api } from '@/lib/api-client';
import { tokenClaims } from '@/lib/session';
import { authKeys } from './keys';

/** The signed-in user as the console uses it: a name always (the email at worst); ids as far as they could be found. */
export type Me = Omit<WhoamiRead, 'name'> & { name: string };

/**
 * What whoami left out, filled in from elsewhere: `id` and `org_id` from the
 * access token's claims, else `org_id` from the organizations list (the first
 * one); the name from `GET /users/me`, else the email.
 */
export function completeWhoami(
  read: WhoamiRead,
  found: { claims: { sub: string | null; org_id: string | null } | null; name?: string | null; organizationId?: string | null },
): Me {
  return {
    ...read,
    id: read.id ?? found.claims?.sub ?? null,
    org_id: read.org_id ?? found.claims?.org_id ?? found.organizationId ?? null,
    name: read.name ?? found.name ?? read.email,
  };
}

/**
 * Read leniently: a role the console does not know, or none, is treated as
 * viewer, with a notice. What is missing is looked for only when it is
 * missing (`GET /users/me` in a module loaded then): our mock sends everything.
 */
export async function getWhoami(): Promise<Me> {
  const read = await api.get(paths.whoami(), readWhoami);
  const claims = tokenClaims();
  const [name, organizationId] = await Promise.all([
    read.name === null
      ? import('@/data/users/get-current-user')
          .then(({ getCurrentUser }) => getCurrentUser())
          .then(
            (me) => me.name,
            () => null,
          )
      : null,
    read.org_id === null && !claims?.org_id
      ? // Only the first organization's id: its full reading loads with the pages that show organizations.
        api.get(paths.organizations(), lenient.page(z.object({ id: z.string() })), { query: { limit: 1 } }).then(
          (orgs) => orgs.items[0]?.id ?? null,
          () => null,
        )
      : null,
  ]);
  return completeWhoami(read, { claims, name, organizationId });
}

export const whoamiQueryOptions = () => queryOptions({ queryKey: authKeys.whoami(), queryFn: getWhoami, staleTime: 5 * 60_000 });

export const useWhoami = () => useSuspenseQuery(whoamiQueryOptions()).data;
