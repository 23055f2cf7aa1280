import { useMutation, useQueryClient } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { EndpointCreate, EndpointUpdate, readEndpoint, type EndpointCreateInput, type EndpointRead } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { replaceRow } from '@/lib/cached-rows';
import { versionKeys } from './keys';

export const createEndpoint = (scope: Scope, serviceId: string, input: EndpointCreateInput, idempotencyKey: string) =>
  api.post(paths.endpoints(scope, serviceId), readEndpoint, { body: EndpointCreate.parse(input), idempotencyKey });

export const updateEndpoint = (scope: Scope, serviceId: string, endpointId: string, input: EndpointUpdate) =>
  api.put(paths.endpoint(scope, serviceId, endpointId), readEndpoint, { body: EndpointUpdate.parse(input) });

type Save = { endpointId: string | null; input: EndpointCreateInput; idempotencyKey: string };

/** Create (endpointId null) or update an endpoint of the draft version `draftId`. */
export function useSaveEndpoint(scope: Scope, serviceId: string, draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ endpointId, input, idempotencyKey }: Save) =>
      endpointId ? updateEndpoint(scope, serviceId, endpointId, input) : createEndpoint(scope, serviceId, input, idempotencyKey),
    // An endpoint whose method and path stay keeps its place: the answer goes in its row. A new or moved one's
    // place in the list is the platform's to say (it orders them), so the list is read again.
    onSuccess: (saved, { endpointId, input }) => {
      const key = versionKeys.endpoints(scope, serviceId, draftId);
      const before = queryClient.getQueryData<{ items: EndpointRead[] }>(key)?.items.find((e) => e.id === endpointId);
      const inPlace = before !== undefined && before.method === input.method && before.path === input.path;
      return (inPlace && replaceRow(queryClient, key, saved)) || queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
