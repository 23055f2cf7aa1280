import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { ApiError } from '@/lib/api-error';
import { LoginRequest } from '@/contract/auth';
import { useSignIn } from '@/data/auth/sign-in';

type Values = { email: string; password: string };

export function PasswordForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const form = useForm<Values>({ resolver: zodResolver(LoginRequest), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await signIn.mutateAsync({ method: 'password', ...values });
      onSignedIn();
    } catch {
      form.setValue('password', '');
    }
  });
  return (
    <form onSubmit={submit} noValidate className="form">
      <Field label="Email" error={errors.email?.message}>
        <input className="input" type="email" autoComplete="username" autoFocus {...form.register('email')} />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <input className="input" type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      {signIn.error && (
        <p className="form-alert" role="alert">
          {signIn.error instanceof ApiError && signIn.error.status === 401 ? 'Wrong email or password.' : signIn.error.message}
        </p>
      )}
      <Button type="submit" variant="primary" pending={isSubmitting} className="btn-block">
        Sign in
      </Button>
    </form>
  );
}
