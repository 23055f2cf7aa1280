import { useMemo } from 'react';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import { DdlConfirmForm, type DdlOutcomeRead } from '@/contract/connector-operations';
import type { Scope } from '@/contract/paths';
import { useRunDdl } from '@/data/connector-operations/ddl';
import { withRules } from '@/lib/form-schema';
import { useServerForm } from '@/lib/use-server-form';
import { Field } from '@/ui/field';
import { FormDialog } from '@/ui/form-dialog';
import { DdlPreview } from './ddl-preview';

type Values = { reason: string; typed: string };

/**
 * Run previewed DDL (admins; seed 004 `execute_ddl(…, confirm=True, reason=…)`):
 * it says plainly that it runs against the instance, asks why (the history
 * keeps it), and for a statement that destroys data asks once more, by
 * typing the instance's name.
 */
export function ConfirmDdlDialog({
  scope,
  connectorId,
  instance,
  typeName,
  previewed,
  open,
  onClose,
  onRan,
}: {
  scope: Scope;
  connectorId: string;
  instance: { id: string; name: string };
  typeName: string;
  previewed: { sql: string; outcome: DdlOutcomeRead };
  open: boolean;
  onClose: () => void;
  onRan: () => void;
}) {
  const run = useRunDdl(scope, connectorId, instance.id);
  const destructive = previewed.outcome.destructive;
  const schema = useMemo(
    () =>
      withRules(z.object({ reason: DdlConfirmForm.shape.reason, typed: z.string() }), (v) =>
        destructive && v.typed !== instance.name
          ? [{ path: 'typed', message: `Type ${instance.name} to run statements that destroy data` }]
          : [],
      ),
    [destructive, instance.name],
  );
  const server = useServerForm<Values, z.output<typeof schema>>({
    schema,
    mode: 'onChange',
    defaultValues: { reason: '', typed: '' },
    fields: ['reason'],
    send: (v, { idempotencyKey }) => run.mutateAsync({ sql: previewed.sql, reason: v.reason, idempotencyKey }),
    onSuccess: () => {
      toast.success(`DDL ran on ${instance.name}`);
      onRan();
    },
    onClose,
  });
  const { register, formState, watch } = server.form;
  const typedOk = !destructive || watch('typed') === instance.name;

  return (
    <FormDialog
      form={server}
      open={open}
      wide
      title={`Run DDL on ${instance.name}?`}
      description={
        <>
          This runs against the {typeName} instance <strong>{instance.name}</strong> now: its database changes for every service bound to
          it, and a data loss cannot be undone from here.
        </>
      }
      submitLabel={destructive ? 'Destroy data and run DDL' : 'Run DDL'}
      submitVariant={destructive ? 'danger' : 'primary'}
      submitDisabled={!typedOk}
      guardChanges
    >
      <DdlPreview outcome={previewed.outcome} headingLevel={4} />
      <Field
        label="Reason"
        required
        hint="Why it runs: the instance’s history keeps who ran what and why."
        error={formState.errors.reason?.message}
      >
        <textarea className="input textarea" rows={2} {...register('reason')} />
      </Field>
      {destructive && (
        <Field
          label={`Type ${instance.name} to confirm`}
          hint="These statements destroy data: the name is asked once more so they never run by a slip."
          error={formState.errors.typed?.message}
        >
          <input className="input mono" autoComplete="off" spellCheck={false} {...register('typed')} />
        </Field>
      )}
    </FormDialog>
  );
}
