import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { ApiError } from '@/lib/api-error';
import * as z from 'zod/mini';
import { ApiKeyExchangeRequest } from '@/contract/auth';
import { useSignIn } from '@/data/auth/sign-in';

const schema = z.object({ api_key: ApiKeyExchangeRequest.shape.api_key });
type Values = z.input<typeof schema>;

export function ApiKeyForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { api_key: '' } });
  const submit = form.handleSubmit(async (values) => {
    try {
      await signIn.mutateAsync({ method: 'api-key', api_key: values.api_key });
      onSignedIn();
    } finally {
      // The key is exchanged, never kept.
      form.reset({ api_key: '' });
    }
  });
  return (
    <form onSubmit={submit} noValidate className="form">
      <Field label="API key" hint="An organization API key (fl_…). It is exchanged for a session and not stored." error={form.formState.errors.api_key?.message}>
        <input className="input mono" type="password" autoComplete="off" {...form.register('api_key')} />
      </Field>
      {signIn.error && (
        <p className="form-alert" role="alert">
          {signIn.error instanceof ApiError && signIn.error.status === 401 ? 'That API key is not valid.' : signIn.error.message}
        </p>
      )}
      <Button type="submit" variant="primary" pending={form.formState.isSubmitting} className="btn-block">
        Sign in with API key
      </Button>
    </form>
  );
}
