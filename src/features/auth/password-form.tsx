import { LoginRequest } from '@/contract/auth';
import { useSignIn } from '@/data/auth/sign-in';
import { ApiError } from '@/lib/api-error';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { FormAlert } from '@/ui/form-alert';

export function PasswordForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const { form, onSubmit, failure, retry, pending } = useServerForm({
    schema: LoginRequest,
    fields: ['email', 'password'],
    defaultValues: { email: '', password: '' },
    describeError: (error) => (error instanceof ApiError && error.status === 401 ? 'Wrong email or password.' : null),
    send: async (values, { form }) => {
      try {
        await signIn.mutateAsync({ method: 'password', ...values });
      } catch (error) {
        form.setValue('password', '');
        throw error;
      }
    },
    onSuccess: onSignedIn,
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <Field label="Email" error={errors.email?.message}>
        <input className="input" type="email" autoComplete="username" autoFocus {...form.register('email')} />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <input className="input" type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      <FormAlert failure={failure} onRetry={retry} />
      <Button type="submit" variant="primary" pending={pending} className="btn-block">
        Sign in
      </Button>
    </form>
  );
}
