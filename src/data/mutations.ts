import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';

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

/** A create's variables: what to create, and the key that makes a retry of it create nothing twice. */
type Idempotent<TInput> = { input: TInput; idempotencyKey: string };

/** The same for a create: its variables are what to create and its idempotency key. */
export const useCreateThenRefresh = <TInput, TData>(
  create: (input: TInput, idempotencyKey: string) => Promise<TData>,
  stale: QueryKey,
  options?: Omit<UseMutationOptions<TData, Error, Idempotent<TInput>>, 'mutationFn' | 'onSuccess'>,
) => useMutationThenRefresh(({ input, idempotencyKey }: Idempotent<TInput>) => create(input, idempotencyKey), stale, options);
