import { useMemo } from 'react';
import { useController, type UseFormReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import { LARGE_WRITE_BYTES, LARGE_WRITE_ROWS, type ConnectorOperationRead, type ExecuteAnswerRead } from '@/contract/connector-operations';
import type { Scope } from '@/contract/paths';
import { useExecuteOperation } from '@/data/connector-operations/execute-operation';
import { withRules } from '@/lib/form-schema';
import { useServerForm } from '@/lib/use-server-form';
import { Field } from '@/ui/field';
import { FormFooter } from '@/ui/form-footer';
import { JsonFormField } from '@/ui/json-field';
import { SqlFormField } from '@/ui/sql-field';
import { initialValues, paramFields, paramIssues, rowsIn, toParams, valuesOf, type ParamField, type ParamValues } from './params-model';

type FormValues = { values: ParamValues; json: string };
type Form = UseFormReturn<FormValues, unknown, FormValues>;

/** The params the form holds, from its fields or its one JSON document. */
function paramsOf(
  fields: ParamField[] | null,
  v: FormValues,
): { params: Record<string, unknown> | null; problems: { path: string; message: string }[] } {
  if (fields) {
    const { params, problems } = toParams(fields, v.values);
    return { params, problems: problems.map((p) => ({ path: p.field ? `values.${p.field}` : 'json', message: p.message })) };
  }
  if (v.json.trim() === '') return { params: {}, problems: [] };
  try {
    const parsed: unknown = JSON.parse(v.json);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return { params: parsed as Record<string, unknown>, problems: [] };
    return { params: null, problems: [{ path: 'json', message: 'The params must be a JSON object' }] };
  } catch (e) {
    return { params: null, problems: [{ path: 'json', message: `Not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** The form's check: every field's own problem, then the schema's issues, at most one message per field. */
function formSchema(operation: ConnectorOperationRead, fields: ParamField[] | null) {
  const shape = z.object({ values: z.record(z.string(), z.union([z.string(), z.boolean()])), json: z.string() });
  return withRules(shape, (v) => {
    const { params, problems } = paramsOf(fields, v);
    const issues = params
      ? paramIssues(operation.params_schema, params).map((i) => ({
          path: fields && i.field && fields.some((f) => f.name === i.field) ? `values.${i.field}` : 'json',
          message: i.message,
        }))
      : [];
    const seen = new Set<string>();
    return [...problems, ...issues].filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
  });
}

/** Why a write would run as a job, if it would (seed 002: more than 100 rows or 256 KB). */
function largeWrite(operation: ConnectorOperationRead, params: Record<string, unknown> | null): string | null {
  if (operation.kind !== 'write' || !params) return null;
  const rows = rowsIn(params);
  if (rows !== null && rows > LARGE_WRITE_ROWS) return `${rows} rows: more than ${LARGE_WRITE_ROWS}, so it runs as a job.`;
  const bytes = new Blob([JSON.stringify(params)]).size;
  if (bytes > LARGE_WRITE_BYTES) return `${Math.ceil(bytes / 1024)} KB: more than ${LARGE_WRITE_BYTES / 1024} KB, so it runs as a job.`;
  return null;
}

export type RunRecord =
  { params: Record<string, unknown>; answer: ExecuteAnswerRead } | { params: Record<string, unknown>; error: unknown };

/**
 * An operation's form, generated from its params' schema (params-model.ts),
 * checked as typed by the same schema the platform applies; the platform's
 * 422 lands on the field its `loc` names (`["body","params",<field>]`).
 */
export function OperationForm({
  scope,
  connectorId,
  instanceId,
  operation,
  initialParams,
  onRun,
}: {
  scope: Scope;
  connectorId: string;
  instanceId: string;
  operation: ConnectorOperationRead;
  /** Params of an earlier run to start from (Run again). */
  initialParams: Record<string, unknown> | null;
  onRun: (run: RunRecord) => void;
}) {
  const execute = useExecuteOperation(scope, connectorId, instanceId);
  const fields = useMemo(() => paramFields(operation.params_schema), [operation.params_schema]);
  const schema = useMemo(() => formSchema(operation, fields), [operation, fields]);
  const server = useServerForm<FormValues, FormValues, ExecuteAnswerRead>({
    schema,
    mode: 'onChange',
    defaultValues: {
      values: fields ? (initialParams ? valuesOf(fields, initialParams) : initialValues(fields)) : {},
      json: fields ? '' : JSON.stringify(initialParams ?? {}, null, 2),
    },
    fields: (name: string) => {
      if (!name.startsWith('params')) return null;
      const field = name.split('.')[1];
      return fields && field && fields.some((f) => f.name === field) ? `values.${field}` : 'json';
    },
    send: async (v, { idempotencyKey }) => {
      const params = paramsOf(fields, v).params ?? {};
      try {
        const answer = await execute.mutateAsync({
          operationId: operation.id,
          params,
          // A read changes nothing: only a write needs to be one write however often it is retried.
          idempotencyKey: operation.kind === 'write' ? idempotencyKey : undefined,
        });
        onRun({ params, answer });
        return answer;
      } catch (error) {
        onRun({ params, error });
        throw error;
      }
    },
  });
  const watched = server.form.watch();
  const large = largeWrite(operation, paramsOf(fields, watched).params);

  return (
    <form className="form operation-form" onSubmit={server.onSubmit} noValidate aria-label={`${operation.name ?? operation.id} params`}>
      {fields === null ? (
        <JsonFormField
          form={server.form}
          name="json"
          label="Params"
          hint="A JSON object: the platform does not describe this operation’s params."
        />
      ) : fields.length === 0 ? (
        <p className="muted">This operation takes no params.</p>
      ) : (
        <div className="params-grid">
          {fields.map((f) => (
            <ParamInput key={f.name} form={server.form} field={f} />
          ))}
        </div>
      )}
      {large && (
        <p className="hint-line" role="note">
          {large}
        </p>
      )}
      <FormFooter form={server} submit={{ label: `Run ${operation.name ?? operation.id}` }} />
    </form>
  );
}

function ParamInput({ form, field }: { form: Form; field: ParamField }) {
  const name = `values.${field.name}` as const;
  const { field: control, fieldState } = useController({ control: form.control, name });
  const error = fieldState.error?.message;
  // A description is a sentence: the editors add their own sentence after it.
  const hint = field.description ? (/[.!?]$/.test(field.description) ? field.description : `${field.description}.`) : undefined;
  const wide = field.kind === 'sql' || field.kind === 'json' || field.kind === 'textarea';
  const cls = wide ? 'param param-wide' : 'param';
  if (field.kind === 'sql')
    return (
      <div className={cls}>
        <SqlFormField form={form} name={name} label={field.label} required={field.required} hint={hint} minLines={4} />
      </div>
    );
  if (field.kind === 'json')
    return (
      <div className={cls}>
        <JsonFormField form={form} name={name} label={field.label} required={field.required} hint={hint} minLines={4} />
      </div>
    );
  if (field.kind === 'boolean')
    return (
      <div className={`${cls} field field-check${error ? ' field-invalid' : ''}`}>
        <label className="check">
          <input
            type="checkbox"
            checked={control.value === true}
            onChange={(e) => control.onChange(e.target.checked)}
            onBlur={control.onBlur}
            ref={control.ref}
            aria-invalid={error ? true : undefined}
          />
          {field.label}
        </label>
        {hint && <p className="field-hint">{hint}</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  const text = typeof control.value === 'string' ? control.value : '';
  return (
    <div className={cls}>
      <Field label={field.label} required={field.required} hint={hint} error={error}>
        {field.kind === 'enum' ? (
          <select className="select" {...control} value={text}>
            {!field.required && <option value="">—</option>}
            {field.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : field.kind === 'textarea' ? (
          <textarea className="input textarea" rows={4} spellCheck={false} {...control} value={text} />
        ) : (
          <input
            className={field.kind === 'integer' || field.kind === 'number' ? 'input mono' : 'input'}
            type={field.kind === 'integer' || field.kind === 'number' ? 'number' : 'text'}
            inputMode={field.kind === 'integer' ? 'numeric' : field.kind === 'number' ? 'decimal' : undefined}
            step={field.kind === 'integer' ? 1 : 'any'}
            autoComplete="off"
            spellCheck={false}
            {...control}
            value={text}
          />
        )}
      </Field>
    </div>
  );
}
