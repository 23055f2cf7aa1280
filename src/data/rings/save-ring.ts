import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { Ring, RingCreate, RingUpdate } from '@/contract/rings';
import { ringKeys } from '@/data/query-keys';
import { api } from '@/lib/api-client';

export { RingCreate as ringSchema };

export const createRing = (scope: Scope, input: RingCreate, idempotencyKey: string) =>
  api.post(paths.rings(scope), Ring, { body: RingCreate.parse(input), idempotencyKey });

export const updateRing = (scope: Scope, ringId: string, input: RingUpdate) =>
  api.put(paths.ring(scope, ringId), Ring, { body: RingUpdate.parse(input) });

type Save = { ringId: string | null; input: RingCreate; idempotencyKey: string };

/** Create (ringId null) or rename/describe a ring. */
export function useSaveRing(scope: Scope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ringId, input, idempotencyKey }: Save) => (ringId ? updateRing(scope, ringId, input) : createRing(scope, input, idempotencyKey)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ringKeys.all(scope) }),
  });
}
