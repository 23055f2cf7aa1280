import { useId } from 'react';
import { useFieldArray } from 'react-hook-form';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import { EnvName, EnvValue, MAX_ENVS, type AgentDeploymentRead } from '@/contract/agents';
import { useCreateAgentService } from '@/data/agents/create-agent-service';
import { withRules, type FieldIssue } from '@/lib/form-schema';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { FormDialog } from '@/ui/form-dialog';
import { TextField } from '@/ui/text-field';
import { versionName } from './agent-versions';

type EnvRow = { name: string; value: string };

const blank = (row: EnvRow) => row.name.trim() === '' && row.value === '';

/** Rows left wholly empty are ignored; the others follow the contract's rules, each name once. */
function envIssues({ envs }: { envs: EnvRow[] }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  const filled = envs.filter((row) => !blank(row));
  if (filled.length > MAX_ENVS) issues.push({ path: 'envs', message: `At most ${MAX_ENVS} environment values` });
  envs.forEach((row, i) => {
    if (blank(row)) return;
    const name = z.safeParse(EnvName, row.name.trim());
    if (!name.success) issues.push({ path: `envs.${i}.name`, message: name.error.issues[0]?.message ?? 'Not a name' });
    else if (seen.has(name.data))
      issues.push({ path: `envs.${i}.name`, message: `${name.data} is already row ${seen.get(name.data)! + 1}` });
    else seen.set(name.data, i);
    const value = z.safeParse(EnvValue, row.value);
    if (!value.success) issues.push({ path: `envs.${i}.value`, message: value.error.issues[0]?.message ?? 'Not a value' });
  });
  return issues;
}

const InstanceForm = withRules(
  z.object({
    version_id: z.string().check(z.minLength(1, { error: 'Choose a version' })),
    envs: z.array(z.object({ name: z.string(), value: z.string() })),
  }),
  envIssues,
);
type InstanceForm = z.output<typeof InstanceForm>;

const emptyRow = (): EnvRow => ({ name: '', value: '' });

/** The rows as seed 003's `envs`: names trimmed, empty rows left out. */
export const envsOf = (rows: EnvRow[]): Record<string, string> =>
  Object.fromEntries(rows.filter((row) => !blank(row)).map((row) => [row.name.trim(), row.value]));

/**
 * Start an instance of an agent deployment: a version, and environment values
 * as name/value rows. The values are write-only (seed 003): they are sent
 * once, kept by no cache (the mutation has `gcTime: 0` and is reset after
 * every attempt), and the rows are emptied once the platform accepts them or
 * the dialog is closed.
 */
export function CreateInstanceDialog({
  orgId,
  deployment,
  open,
  onOpenChange,
}: {
  orgId: string;
  deployment: AgentDeploymentRead;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const create = useCreateAgentService(orgId);
  const valuesHint = useId();
  const defaultVersion = deployment.current_version_id ?? deployment.versions.at(-1)?.id ?? '';
  const server = useServerForm({
    schema: InstanceForm,
    // A platform's refusal of one value names it (`envs.NAME`): it lands on that row.
    fields: (field: string, values: InstanceForm) => {
      if (field === 'version_id') return 'version_id';
      const name = /^envs\.(.+)$/.exec(field)?.[1];
      const row = name === undefined ? -1 : values.envs.findIndex((r) => r.name.trim() === name);
      return row >= 0 ? `envs.${row}.value` : null;
    },
    defaultValues: { version_id: defaultVersion, envs: [emptyRow()] },
    send: async (values, { idempotencyKey }) => {
      try {
        return await create.mutateAsync({
          deploymentId: deployment.id,
          input: { version_id: values.version_id, envs: envsOf(values.envs) },
          idempotencyKey,
        });
      } finally {
        // The variables hold the values: out of the cache after every attempt.
        create.reset();
      }
    },
    onSuccess: (instance) => {
      toast.success(`Instance ${instance.id} of ${deployment.name} is starting`);
    },
    onClose: () => onOpenChange(false),
  });
  const { form } = server;
  const { register, formState, control } = form;
  const rows = useFieldArray({ control, name: 'envs' });
  const rowErrors = formState.errors.envs;

  return (
    <FormDialog
      form={server}
      open={open}
      wide
      title={`New instance of ${deployment.name}`}
      description="The platform starts a sandbox running the version you choose; it is ready once it answers its health checks."
      submitLabel="Start instance"
    >
      {deployment.versions.length === 0 ? (
        // A deployment known only by its ID (a platform that does not list them): its version by ID too.
        <TextField
          form={form}
          name="version_id"
          label="Version ID"
          required
          code
          hint="The version of the agent deployment to run, as the platform’s agent tooling names it."
        />
      ) : (
        <Field label="Version" required error={formState.errors.version_id?.message}>
          <select className="input" {...register('version_id')}>
            {[...deployment.versions].reverse().map((v) => (
              <option key={v.id} value={v.id}>
                {versionName(deployment, v.id)}
                {v.id === deployment.current_version_id ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset className="fieldset env-rows" aria-describedby={valuesHint}>
        <legend className="field-label">Environment values</legend>
        <p id={valuesHint} className="field-hint">
          Write-only: sent to the agent’s process once, never shown again, not stored by the platform or kept in this browser. They are
          cleared once the instance is started.
        </p>
        {rowErrors?.message && (
          <p className="field-error" role="alert">
            {rowErrors.message}
          </p>
        )}
        {rows.fields.length > 0 && (
          <div className="env-row env-row-head" aria-hidden="true">
            <span>Name</span>
            <span>Value</span>
            <span className="env-row-spacer">Remove</span>
          </div>
        )}
        {rows.fields.map((row, i) => {
          const nameError = rowErrors?.[i]?.name?.message;
          const valueError = rowErrors?.[i]?.value?.message;
          return (
            <div key={row.id} className="env-row-group">
              <div className="env-row">
                <input
                  className="input mono"
                  aria-label={`Name ${i + 1}`}
                  placeholder="OPENAI_API_KEY"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? `${row.id}-name-error` : undefined}
                  {...register(`envs.${i}.name`)}
                />
                <input
                  className="input mono"
                  type="password"
                  aria-label={`Value ${i + 1}`}
                  placeholder="value"
                  autoComplete="off"
                  data-1p-ignore
                  data-lpignore="true"
                  spellCheck={false}
                  aria-invalid={valueError ? true : undefined}
                  aria-describedby={valueError ? `${row.id}-value-error` : undefined}
                  {...register(`envs.${i}.value`)}
                />
                <Button variant="ghost" size="sm" aria-label={`Remove value ${i + 1}`} onClick={() => rows.remove(i)}>
                  Remove
                </Button>
              </div>
              {nameError && (
                <p id={`${row.id}-name-error`} className="field-error" role="alert">
                  {nameError}
                </p>
              )}
              {valueError && (
                <p id={`${row.id}-value-error`} className="field-error" role="alert">
                  {valueError}
                </p>
              )}
            </div>
          );
        })}
        <div>
          <Button size="sm" onClick={() => rows.append(emptyRow())} disabled={rows.fields.length >= MAX_ENVS}>
            Add a value
          </Button>
        </div>
      </fieldset>
    </FormDialog>
  );
}
