import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';

/** A create's variables: what to create, and the key that makes a retry of it create nothing twice. */
export type Idempotent<TInput> = { input: TInput; idempotencyKey: string };

/** A create, as a mutation's function of those variables. */
export const idempotent =
  <TInput, TData>(create: (input: TInput, idempotencyKey: string) => Promise<TData>) =>
  ({ input, idempotencyKey }: Idempotent<TInput>) =>
    create(input, idempotencyKey);

/**
 * A mutation after whose success what shows its result (`stale`) is read again. The refresh is awaited, so
 * the mutation stays pending until the lists have their new rows: a dialog closes onto the list as it is now.
 */
export function useMutationThenRefresh<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  stale: QueryKey,
  options: Omit<UseMutationOptions<TData, Error, TVariables>, 'mutationFn' | 'onSuccess'> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({ ...options, mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: stale }) });
}
