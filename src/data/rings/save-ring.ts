import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { readRing, RingCreate, RingUpdate } from '@/contract/rings';
import { api } from '@/lib/api-client';
import { replaceRow } from '@/lib/cached-rows';
import { ringKeys } from './keys';

export const createRing = (scope: Scope, input: RingCreate, idempotencyKey: string) =>
  api.post(paths.rings(scope), readRing, { body: RingCreate.parse(input), idempotencyKey });

export const updateRing = (scope: Scope, ringId: string, input: RingUpdate) =>
  api.put(paths.ring(scope, ringId), readRing, { body: RingUpdate.parse(input) });

type Save = { ringId: string | null; input: RingCreate; idempotencyKey: string };

/** Create (ringId null, added at the end of the path) or rename and describe a ring. */
export function useSaveRing(scope: Scope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ringId, input, idempotencyKey }: Save) =>
      ringId ? updateRing(scope, ringId, input) : createRing(scope, input, idempotencyKey),
    // A renamed ring keeps its place: the answer goes in its row. A new one's place is the platform's to say.
    // The table's pages are read again either way (a new name may match another search).
    onSuccess: (ring, { ringId }) =>
      Promise.all([
        (ringId !== null && replaceRow(queryClient, ringKeys.list(scope), ring)) ||
          queryClient.invalidateQueries({ queryKey: ringKeys.list(scope) }),
        queryClient.invalidateQueries({ queryKey: ringKeys.pages(scope) }),
      ]),
  });
}
