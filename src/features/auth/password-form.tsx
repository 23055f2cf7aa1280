import { LoginRequest } from '@/contract/auth';
import { useSignIn } from '@/data/auth/sign-in';
import { ApiError } from '@/lib/api-error';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { FormAlert, useWaiting } from '@/ui/form-alert';

/** `email`: what another tab had typed; `onEmailChange` hands it back as it is typed, for the next tab. */
export function PasswordForm({
  onSignedIn,
  email = '',
  onEmailChange,
}: {
  onSignedIn: () => void;
  email?: string;
  onEmailChange?: (email: string) => void;
}) {
  const signIn = useSignIn();
  const { form, onSubmit, failure, retry, pending } = useServerForm({
    schema: LoginRequest,
    fields: ['email', 'password'],
    defaultValues: { email, password: '' },
    describeError: (error) => {
      if (!(error instanceof ApiError)) return null;
      // A 429 is followed by how long to wait (FormAlert counts the platform's Retry-After down).
      return error.status === 401
        ? 'Wrong email or password.'
        : error.status === 429
          ? 'Too many failed sign-in attempts for this account.'
          : null;
    },
    send: async (values, { form }) => {
      try {
        await signIn.mutateAsync({ method: 'password', ...values });
      } catch (error) {
        form.setValue('password', '');
        // The keyboard was on Sign in, disabled while it waited: it goes where the next attempt starts.
        if (error instanceof ApiError && error.status === 401) form.setFocus('password');
        throw error;
      }
    },
    onSuccess: onSignedIn,
  });
  const { errors } = form.formState;
  // Throttled (429): the platform says when it takes another attempt, and none goes out before.
  const waiting = useWaiting(failure);
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <Field label="Email" error={errors.email?.message}>
        <input
          className="input"
          type="email"
          autoComplete="username"
          autoFocus
          {...form.register('email', { onChange: (e: React.ChangeEvent<HTMLInputElement>) => onEmailChange?.(e.target.value) })}
        />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <input className="input" type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      <FormAlert failure={failure} onRetry={retry} />
      <Button type="submit" variant="primary" pending={pending} disabled={waiting} className="btn-block">
        Sign in
      </Button>
    </form>
  );
}
