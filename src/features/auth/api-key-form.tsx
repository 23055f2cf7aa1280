import { useEffect, useState } from 'react';
import * as z from 'zod/mini';
import { ApiKeyExchangeRequest } from '@/contract/auth';
import { useSignIn } from '@/data/auth/sign-in';
import { ApiError } from '@/lib/api-error';
import { useCapability } from '@/lib/capabilities';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/text-field';
import { FormAlert, useWaiting } from '@/ui/form-alert';
import { Unavailable } from '@/ui/unavailable';

const ApiKeySignIn = z.object({ api_key: ApiKeyExchangeRequest.shape.api_key });

/**
 * Sign in with an organization API key (seed 004's exchange). Its path is our
 * extension: once the platform has said it does not have it, the tab says so
 * in place of the form.
 */
export function ApiKeyForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const [refocus, setRefocus] = useState(0);
  const exchange = useCapability('apiKeySignIn');
  const { form, onSubmit, failure, retry, pending } = useServerForm({
    schema: ApiKeySignIn,
    fields: ['api_key'],
    defaultValues: { api_key: '' },
    describeError: (error) => {
      if (!(error instanceof ApiError)) return null;
      if (error.status === 401) {
        return /revoked/i.test(error.message)
          ? 'That API key has been revoked: it no longer signs anyone in. Ask an admin of your organization for a new one.'
          : 'That API key is not valid: check that it was copied whole, or ask an admin for a new one.';
      }
      // A 429 is followed by how long to wait (FormAlert counts the platform's Retry-After down).
      return error.status === 429 ? 'Too many failed sign-in attempts with this key.' : null;
    },
    send: async (values, { form }) => {
      try {
        await signIn.mutateAsync({ method: 'api-key', api_key: values.api_key });
      } catch (error) {
        // The keyboard was on Sign in, disabled while it waited: it goes where another key is pasted, once the reset
        // below has re-registered the field (setFocus before that finds no field).
        if (error instanceof ApiError && error.status === 401) setRefocus((n) => n + 1);
        throw error;
      } finally {
        // The key is exchanged, never kept.
        form.reset({ api_key: '' });
      }
    },
    onSuccess: onSignedIn,
  });
  useEffect(() => {
    if (refocus) form.setFocus('api_key');
  }, [refocus, form]);
  // Throttled (429): the platform says when it takes another attempt, and none goes out before.
  const waiting = useWaiting(failure);
  if (exchange === 'unavailable') {
    return (
      <Unavailable capability="apiKeySignIn" title="API-key sign-in is not available on this platform">
        <p>This platform does not exchange an API key for a session here. Sign in with your email and password instead.</p>
      </Unavailable>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <TextField
        form={form}
        name="api_key"
        label="API key"
        hint="An organization API key (fl_…), made by an admin of your organization on its API keys page and shown to them once. It is exchanged for a session and not stored."
        type="password"
        code
      />
      <FormAlert failure={failure} onRetry={retry} />
      <Button type="submit" variant="primary" pending={pending} disabled={waiting} className="btn-block">
        Sign in with API key
      </Button>
    </form>
  );
}
