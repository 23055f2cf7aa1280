import { SsoInitiateRequest } from '@/contract/sso';
import { useStartSso } from '@/data/auth/sso';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { TextField } from '@/ui/text-field';
import { FormAlert } from '@/ui/form-alert';

/**
 * Single sign-on (seed 001's `POST /auth/sso/initiate`): the email's
 * organization decides the identity provider; the browser goes there, and
 * comes back to the callback page. `failure`: why the last attempt did not
 * finish, said by the callback.
 */
export function SsoForm({
  redirect,
  failure,
  email = '',
  onEmailChange,
}: {
  redirect: string | null;
  failure: string | null;
  /** What another tab had typed; `onEmailChange` hands it back as it is typed. */
  email?: string;
  onEmailChange?: (email: string) => void;
}) {
  const start = useStartSso();
  const server = useServerForm({
    schema: SsoInitiateRequest,
    fields: ['email'],
    defaultValues: { email },
    send: ({ email }) => start.mutateAsync({ email, redirect }),
    onSuccess: (authorizationUrl) => window.location.assign(authorizationUrl),
  });
  return (
    <form onSubmit={server.onSubmit} noValidate className="form">
      {failure && (
        <div className="form-alert" role="alert">
          <p>Single sign-on did not finish. {failure}</p>
        </div>
      )}
      <p className="muted">Your organization’s identity provider signs you in. Which one depends on your email’s domain.</p>
      <TextField
        form={server.form}
        name="email"
        label="Work email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        options={{ onChange: (e: React.ChangeEvent<HTMLInputElement>) => onEmailChange?.(e.target.value) }}
      />
      <FormAlert failure={server.failure} onRetry={server.retry} />
      <Button type="submit" variant="primary" pending={server.pending} className="btn-block">
        Sign in with single sign-on
      </Button>
    </form>
  );
}
