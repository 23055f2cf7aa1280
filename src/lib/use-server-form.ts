import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, type FieldValues, type Resolver, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import { ApiError } from './api-error';
import { applyServerErrors, type ServerFields } from './form-errors';
import { useIdempotencyKey } from './idempotency';

// Messages the contract does not write itself read as English sentences; loaded with the first form, not the first page.
z.config(z.locales.en());

/**
 * A failure the form shows as a whole: the platform's words, whether sending
 * again may work, and (after a 429) the moment it may be sent again.
 */
export type FormFailure = { message: string; retryable: boolean; notBefore?: number | null };

export type SendContext<TInput extends FieldValues, TOutput> = {
  /** One key per submission: the same on a retry of unchanged values, a new one after a success or a change. */
  idempotencyKey: string;
  form: UseFormReturn<TInput, unknown, TOutput>;
};

export type ServerFormOptions<TInput extends FieldValues, TOutput, TResult> = Omit<UseFormProps<TInput, unknown, TOutput>, 'resolver'> & {
  /** What the form checks before sending: the request's contract schema, or a console schema built on it. */
  schema: z.core.$ZodType<TOutput, TInput>;
  /** Where the platform's 422/409 issues land (see applyServerErrors); the rest is the form-level failure. */
  fields: ServerFields | ((serverField: string, values: TOutput) => string | null);
  /** Sends the checked values; throws the platform's error when refused. */
  send: (values: TOutput, context: SendContext<TInput, TOutput>) => Promise<TResult>;
  /** After the platform accepted: `form` to show what was saved, `reset` to start afresh (a dialog that closes). */
  onSuccess?: (result: TResult, values: TOutput, done: { form: UseFormReturn<TInput, unknown, TOutput>; reset: () => void }) => unknown;
  /** A failure that should read differently from the platform's words (null: use them). Its issues then land on no field. */
  describeError?: (error: unknown) => string | null;
  /** Ask before sending: a valid submission waits in `confirming` until `confirm()` or `cancel()`. */
  confirm?: boolean;
  /** A form that closes (a dialog): after a success, and on `close()`, it resets and this hides it. */
  onClose?: () => void;
};

/**
 * One hook for every form that writes to the platform: react-hook-form with
 * the schema's resolver, the server's 422/409 issues on the fields they name,
 * a form-level failure (with a retry when trying again may work), one
 * Idempotency-Key per submission, and a reset for when the form closes.
 */
export function useServerForm<TInput extends FieldValues, TOutput = TInput, TResult = unknown>(
  options: ServerFormOptions<TInput, TOutput, TResult>,
) {
  const {
    schema,
    fields: _fields,
    send: _send,
    onSuccess: _onSuccess,
    describeError: _describeError,
    confirm: _confirm,
    onClose: _onClose,
    ...formOptions
  } = options;
  const form = useForm<TInput, unknown, TOutput>({
    // Checked on submit, then as the user corrects: checking on blur shifts the layout under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    ...formOptions,
    resolver: zodResolver(schema as z.core.$ZodType<TOutput, TInput>) as unknown as Resolver<TInput, unknown, TOutput>,
  });
  const key = useIdempotencyKey();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState<TOutput | null>(null);
  // The latest options: a submission that resolves after a re-render calls this render's callbacks, not stale ones.
  const latest = useRef(options);
  latest.current = options;

  /** For a form that closes: back to its values, no failure, a new key next time. */
  const reset = (values?: Parameters<UseFormReturn<TInput, unknown, TOutput>['reset']>[0]) => {
    form.reset(values);
    setFailure(null);
    setConfirming(null);
    key.reset();
  };

  const close = () => {
    reset();
    latest.current.onClose?.();
  };

  const run = async (values: TOutput) => {
    // The platform said when it will take another attempt (429, Retry-After): nothing goes out before.
    if ((failure?.notBefore ?? 0) > Date.now()) return;
    setFailure(null);
    setPending(true);
    try {
      const result = await latest.current.send(values, { idempotencyKey: key.keyFor(values), form });
      key.reset();
      setConfirming(null);
      await latest.current.onSuccess?.(result, values, { form, reset });
      if (latest.current.onClose) close();
    } catch (error) {
      setConfirming(null);
      const serverFields = latest.current.fields;
      const described = latest.current.describeError?.(error) ?? null;
      const message =
        described ??
        applyServerErrors(
          error,
          form.setError,
          typeof serverFields === 'function' ? (name: string) => serverFields(name, values) : serverFields,
        );
      if (message)
        setFailure({
          message,
          retryable: error instanceof ApiError && error.retryable,
          notBefore: error instanceof ApiError && error.status === 429 ? error.retryNotBefore : null,
        });
    } finally {
      setPending(false);
    }
  };

  /** The form's onSubmit: check, then send (or ask first). Pressing it again after a failure is the retry. */
  const onSubmit = form.handleSubmit(async (values) => {
    if (latest.current.confirm) {
      setFailure(null);
      setConfirming(() => values);
    } else await run(values);
  });

  return {
    form,
    onSubmit,
    failure,
    /** Send again what the form holds now: unchanged values keep their Idempotency-Key. */
    retry: () => void onSubmit(),
    pending: pending || form.formState.isSubmitting,
    /** Values waiting for confirmation (with `confirm: true`). */
    confirming,
    confirm: () => {
      if (confirming !== null) void run(confirming);
    },
    cancel: () => setConfirming(null),
    reset,
    /** Reset, then hide the form (see `onClose`): Cancel, Escape. */
    close,
  };
}
