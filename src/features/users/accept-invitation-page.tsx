import { Link } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { InvitationAccept } from '@/contract/users';
import { useAcceptInvitation } from '@/data/users/accept-invitation';
import { ApiError } from '@/lib/api-error';
import { useCapability } from '@/lib/capabilities';
import { withRules } from '@/lib/form-schema';
import { getSession } from '@/lib/session';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { FormAlert } from '@/ui/form-alert';
import { Unavailable } from '@/ui/unavailable';
import { AuthCard } from '@/ui/auth-card';
import { TextField } from '@/ui/text-field';

/**
 * An invitation's link carries its one-time token in the fragment
 * (`#token=…`), which no server sees. The route reads it once, into memory,
 * and takes it off the address.
 */
export function tokenFromFragment(fragment: string): string | null {
  const token = new URLSearchParams(fragment.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token : null;
}

const AcceptForm = withRules(
  z.object({
    name: InvitationAccept.shape.name,
    password: InvitationAccept.shape.password,
    confirm: z.string(),
  }),
  (v) => (v.password === v.confirm ? [] : [{ path: 'confirm', message: 'The two passwords differ: type the same one twice' }]),
);

/** What the platform said about the token itself (unknown, used, expired): its own sentence, which no field can hold. */
function tokenProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const issue = error.issues.find((i) => i.loc[0] === 'body' && i.loc[1] === 'token');
  return issue ? issue.msg : null;
}

/**
 * The invited person's first visit: they choose a password (and say their
 * name) and land signed in. The token never leaves memory: not the address,
 * not storage, not the query cache (the mutation has `gcTime: 0`).
 */
export function AcceptInvitationPage({ token, onAccepted }: { token: string | null; onAccepted: () => void }) {
  const accept = useAcceptInvitation();
  const available = useCapability('invitationAccept');
  const server = useServerForm({
    schema: AcceptForm,
    fields: ['name', 'password', 'confirm'],
    defaultValues: { name: undefined, password: '', confirm: '' },
    describeError: tokenProblem,
    send: async ({ name, password }, { form }) => {
      try {
        await accept.mutateAsync({ token: token ?? '', password, name });
      } finally {
        // A password is typed again rather than kept.
        form.resetField('password');
        form.resetField('confirm');
      }
    },
    onSuccess: onAccepted,
  });
  const { form } = server;

  let content: React.ReactNode;
  if (available === 'unavailable') {
    content = (
      <Unavailable capability="invitationAccept" title="Accepting an invitation is not available on this platform">
        <p>This platform does not take invitations in this console. Ask the admin who invited you how to set your password.</p>
      </Unavailable>
    );
  } else if (token === null) {
    content = (
      <div className="form-alert" role="alert">
        <p>
          This page needs the link from your invitation email, whole: it ends with <span className="mono">#token=</span> and a code. Open
          the link again, or ask the admin who invited you to send another invitation.
        </p>
      </div>
    );
  } else {
    content = (
      <form onSubmit={server.onSubmit} noValidate className="form">
        <TextField
          form={form}
          name="name"
          label="Your name"
          hint="How others see you in the console. Leave it empty to use the start of your email."
          autoComplete="name"
          options={{ setValueAs: (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined) }}
        />
        <TextField
          form={form}
          name="password"
          label="Password"
          required
          hint="At least 8 characters."
          type="password"
          autoComplete="new-password"
        />
        <TextField form={form} name="confirm" label="Password again" required type="password" autoComplete="new-password" />
        <FormAlert failure={server.failure} onRetry={server.retry} retryHint="Your name is kept; type the password again." />
        <Button type="submit" variant="primary" pending={server.pending} className="btn-block">
          Set password and sign in
        </Button>
      </form>
    );
  }

  return (
    <AuthCard>
      <h1 tabIndex={-1}>Accept your invitation</h1>
      <p className="muted">Choose the password you will sign in with. The link works once.</p>
      {getSession() && (
        <p className="notice" role="note">
          This tab is signed in already: accepting signs it in as the invited person instead.
        </p>
      )}
      {content}
      <p className="muted auth-footnote">
        Already accepted? <Link to="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}
