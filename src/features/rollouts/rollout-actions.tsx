import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import { RolloutAbort, type RolloutRead } from '@/contract/rollouts';
import { useRolloutAction, type RolloutAction } from '@/data/rollouts/rollout-actions';
import type { ServiceProps } from '@/lib/route-props';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { Field } from '@/ui/field';
import { FormDialog } from '@/ui/form-dialog';

/** The abort dialog's form: the contract's reason, as typed (empty: none given). */
const AbortForm = z.object({
  reason: z.string().check(
    z.refine((r) => RolloutAbort.safeParse({ reason: r.trim() || null }).success, {
      error: 'A reason is at most 500 characters of text',
    }),
  ),
});

/**
 * Pause, Resume, Promote now and Abort (with a reason), for those whose role
 * may: each says what it will do before it does what cannot be undone.
 */
export function RolloutActions({
  scope,
  serviceId,
  rollout,
  canary,
  baseline,
}: ServiceProps & { rollout: RolloutRead; canary: string; baseline: string }) {
  const act = useRolloutAction(scope, serviceId, rollout.id);
  const [dialog, setDialog] = useState<'promote' | 'abort' | null>(null);
  const [running, setRunning] = useState<RolloutAction['action'] | null>(null);

  // Pause and Resume are one button that changes its word, so that focus stays on it; it is disabled while the
  // request runs (the browser then drops focus to the page), so focus is put back once it is done.
  const toggleId = useId();
  const refocus = useRef(false);
  useEffect(() => {
    if (running !== null || !refocus.current) return;
    refocus.current = false;
    // Only focus that was dropped: not where the user has gone meanwhile.
    if (document.activeElement === document.body) document.getElementById(toggleId)?.focus();
  }, [running, toggleId]);
  const now = (action: 'pause' | 'resume', done: string) => {
    setRunning(action);
    act.mutate(
      { action },
      {
        onSuccess: () => toast.success(done),
        onSettled: () => {
          refocus.current = true;
          setRunning(null);
        },
      },
    );
  };

  const abort = useServerForm({
    schema: AbortForm,
    fields: ['reason'],
    defaultValues: { reason: '' },
    send: (v) => act.mutateAsync({ action: 'abort', reason: v.reason }),
    onSuccess: () => toast.success(`Rollout aborted: ${baseline} serves all traffic again`),
    onClose: () => setDialog(null),
  });

  return (
    <div className="rollout-actions">
      <div className="button-row">
        {rollout.status === 'running' || rollout.status === 'paused' ? (
          <Button
            id={toggleId}
            onClick={() =>
              rollout.status === 'running'
                ? now('pause', 'Rollout paused: no step ends until it is resumed')
                : now('resume', 'Rollout resumed: the step’s pause starts again')
            }
            pending={running !== null}
          >
            {rollout.status === 'running' ? 'Pause' : 'Resume'}
          </Button>
        ) : null}
        <Button variant="primary" onClick={() => setDialog('promote')}>
          Promote now
        </Button>
        <Button variant="danger" onClick={() => setDialog('abort')}>
          Abort…
        </Button>
      </div>
      {act.error && running === null && dialog === null && (
        <p className="form-alert" role="alert">
          {act.error.message}
        </p>
      )}
      <ConfirmAction
        open={dialog === 'promote'}
        state={act}
        run={() => act.mutateAsync({ action: 'promote' })}
        onDone={() => toast.success(`${canary} promoted: it serves all traffic`)}
        onClose={() => setDialog(null)}
        title={`Promote ${canary} to 100% now?`}
        actionLabel={`Promote ${canary}`}
        tone="primary"
      >
        <p>
          The rollout skips its remaining steps and succeeds: <strong>{canary}</strong> receives all traffic, and {baseline} drains, then is
          archived.
        </p>
      </ConfirmAction>
      <FormDialog
        form={abort}
        open={dialog === 'abort'}
        title={`Abort the rollout of ${canary}?`}
        description={`${canary} goes to 0% and is archived for good; ${baseline} serves all traffic again.`}
        submitLabel="Abort rollout"
        submitVariant="danger"
      >
        <Field
          label="Reason"
          hint="Optional. Recorded with the rollout and in the service’s activity."
          error={abort.form.formState.errors.reason?.message}
        >
          <textarea className="input" rows={3} maxLength={500} {...abort.form.register('reason')} />
        </Field>
      </FormDialog>
    </div>
  );
}
