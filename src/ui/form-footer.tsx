import type { ReactNode } from 'react';
import { Button } from './button';
import { FormAlert, useWaiting, type FailureView } from './form-alert';

/** The part of a server form (see useServerForm) its end shows. */
export type FormOutcome = { failure: FailureView | null; retry: () => void; pending: boolean };

/**
 * The end of a form: its failure as a whole (with a retry when one may work),
 * then its other buttons and the submit button, pending while the form sends.
 */
export function FormFooter({
  form,
  submit,
  id,
  retryHint,
  actions = 'form-actions',
  children,
}: {
  form: FormOutcome;
  submit: { label: string; variant?: 'primary' | 'danger'; disabled?: boolean };
  /** The failure's id, for a form to point at (aria-describedby). */
  id?: string;
  retryHint?: string;
  actions?: string;
  children?: ReactNode;
}) {
  // After a 429 the submit button (the retry) waits out the platform's Retry-After.
  const waiting = useWaiting(form.failure);
  return (
    <>
      <FormAlert id={id} failure={form.failure} onRetry={form.retry} retryHint={retryHint} />
      <div className={actions}>
        {children}
        <Button type="submit" variant={submit.variant ?? 'primary'} disabled={submit.disabled || waiting} pending={form.pending}>
          {submit.label}
        </Button>
      </div>
    </>
  );
}
