import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Dialog, DialogFormFooter } from '@/ui/dialog';
import { Field } from '@/ui/field';
import type { Scope } from '@/contract/paths';
import { EndpointCreate, HTTP_METHODS, type Endpoint } from '@/contract/versions';
import { applyServerErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useSaveEndpoint } from '@/data/versions/save-endpoint';
import { describeJsonSchemaText } from './json-schema-text';
import { JsonSchemaInput } from './json-schema-input';

/** The endpoint fields of the contract, with the two schemas edited as JSON text. */
const formSchema = z
  .object({
    method: EndpointCreate.shape.method,
    path: EndpointCreate.shape.path,
    summary: EndpointCreate.shape.summary,
    request_schema: z.string(),
    response_schema: z.string(),
  })
  .superRefine((v, ctx) => {
    for (const field of ['request_schema', 'response_schema'] as const) {
      const check = describeJsonSchemaText(v[field]);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: [field], message: check.message });
    }
  });
type FormValues = z.infer<typeof formSchema>;

const EMPTY_SCHEMA = JSON.stringify({ type: 'object', properties: {}, required: [] }, null, 2);
const FIELDS = ['method', 'path', 'summary', 'request_schema', 'response_schema'] as const;

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
  endpoint: Endpoint | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveEndpoint(scope, serviceId, draftId);
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    values: endpoint
      ? {
          method: endpoint.method,
          path: endpoint.path,
          summary: endpoint.summary,
          request_schema: JSON.stringify(endpoint.request_schema, null, 2),
          response_schema: JSON.stringify(endpoint.response_schema, null, 2),
        }
      : { method: 'POST', path: '/', summary: '', request_schema: EMPTY_SCHEMA, response_schema: EMPTY_SCHEMA },
  });
  const { register, handleSubmit, formState, control, setError } = form;

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const input = {
      method: v.method,
      path: v.path,
      summary: v.summary,
      request_schema: JSON.parse(v.request_schema) as Record<string, unknown>,
      response_schema: JSON.parse(v.response_schema) as Record<string, unknown>,
    };
    try {
      await save.mutateAsync({ endpointId: endpoint?.id ?? null, input, idempotencyKey: idempotency.keyFor(input) });
      idempotency.reset();
      toast.success(endpoint ? `Endpoint ${v.method} ${v.path} saved` : `Endpoint ${v.method} ${v.path} added`);
      onOpenChange(false);
      form.reset();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={endpoint ? `Edit ${endpoint.method} ${endpoint.path}` : 'Add endpoint'} wide>
      <form className="form" onSubmit={submit} noValidate>
        <div className="grid-method-path">
          <Field label="Method" error={formState.errors.method?.message}>
            <select className="select" {...register('method')}>
              {HTTP_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Path" hint="Starts with /; parameters in braces, e.g. /documents/{document_id}." error={formState.errors.path?.message}>
            <input className="input mono" autoComplete="off" spellCheck={false} {...register('path')} />
          </Field>
        </div>
        <Field label="Summary" hint="What the endpoint does; agents see it as the tool's description." error={formState.errors.summary?.message}>
          <input className="input" autoComplete="off" {...register('summary')} />
        </Field>
        <div className="grid-2">
          <Controller
            control={control}
            name="request_schema"
            render={({ field, fieldState }) => (
              <JsonSchemaInput label="Request schema (JSON Schema)" value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} serverError={fieldState.error?.message} />
            )}
          />
          <Controller
            control={control}
            name="response_schema"
            render={({ field, fieldState }) => (
              <JsonSchemaInput label="Response schema (JSON Schema)" value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} serverError={fieldState.error?.message} />
            )}
          />
        </div>
        <DialogFormFooter error={formError} onCancel={() => onOpenChange(false)} submitLabel={endpoint ? 'Save endpoint' : 'Add endpoint'} pending={formState.isSubmitting} />
      </form>
    </Dialog>
  );
}
