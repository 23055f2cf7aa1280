import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { EndpointCreate, HTTP_METHODS, type EndpointRead } from '@/contract/versions';
import { useSaveEndpoint } from '@/data/versions/save-endpoint';
import { useServerForm } from '@/lib/use-server-form';
import { Field } from '@/ui/field';
import { FormDialog } from '@/ui/form-dialog';
import { JsonFormField } from '@/ui/json-field';
import { TextField } from '@/ui/text-field';
import { SchemaText } from './endpoint-schema';

/** The endpoint fields of the contract, with the two schemas edited as JSON text. */
const EndpointForm = z.object({
  method: EndpointCreate.shape.method,
  path: EndpointCreate.shape.path,
  summary: EndpointCreate.shape.summary,
  request_schema: SchemaText,
  response_schema: SchemaText,
});

const EMPTY_SCHEMA = JSON.stringify({ type: 'object', properties: {}, required: [] }, null, 2);

/** Add an endpoint to the draft `draftId` (endpoint null) or edit one of its endpoints. */
export function EndpointDialog({
  scope,
  serviceId,
  draftId,
  endpoint,
  open,
  onOpenChange,
}: {
  scope: Scope;
  serviceId: string;
  draftId: string;
  endpoint: EndpointRead | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveEndpoint(scope, serviceId, draftId);
  const server = useServerForm({
    schema: EndpointForm,
    fields: ['method', 'path', 'summary', 'request_schema', 'response_schema'],
    values: endpoint
      ? {
          method: endpoint.method,
          path: endpoint.path,
          summary: endpoint.summary ?? '',
          request_schema: JSON.stringify(endpoint.request_schema, null, 2),
          response_schema: JSON.stringify(endpoint.response_schema, null, 2),
        }
      : { method: 'POST', path: '/', summary: '', request_schema: EMPTY_SCHEMA, response_schema: EMPTY_SCHEMA },
    send: (v, { idempotencyKey }) =>
      save.mutateAsync({
        endpointId: endpoint?.id ?? null,
        input: v,
        idempotencyKey,
      }),
    onSuccess: (_saved, v) => {
      toast.success(endpoint ? `Endpoint ${v.method} ${v.path} saved` : `Endpoint ${v.method} ${v.path} added`);
    },
    onClose: () => onOpenChange(false),
  });
  const { register, formState } = server.form;

  return (
    <FormDialog
      form={server}
      open={open}
      title={endpoint ? `Edit ${endpoint.method} ${endpoint.path}` : 'Add endpoint'}
      wide
      submitLabel={endpoint ? 'Save endpoint' : 'Add endpoint'}
      guardChanges
    >
      <div className="grid-method-path">
        <Field label="Method" error={formState.errors.method?.message}>
          <select className="select" {...register('method')}>
            {HTTP_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
        <TextField
          form={server.form}
          name="path"
          label="Path"
          code
          hint="Starts with /; parameters in braces, e.g. /documents/{document_id}."
        />
      </div>
      <TextField
        form={server.form}
        name="summary"
        label="Summary"
        required
        hint="What the endpoint does; agents see it as the tool's description."
      />
      <div className="grid-2">
        <JsonFormField form={server.form} name="request_schema" label="Request schema (JSON Schema)" minLines={8} />
        <JsonFormField form={server.form} name="response_schema" label="Response schema (JSON Schema)" minLines={8} />
      </div>
    </FormDialog>
  );
}
