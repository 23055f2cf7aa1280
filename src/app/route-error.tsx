import { useQueryClient, useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useMatch, useNavigate, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { signOut } from '@/data/auth/sign-out';
import { ApiError } from '@/lib/api-error';
import { isExtensionUnavailable } from '@/lib/capabilities';
import { getSession } from '@/lib/session';
import { Button } from '@/ui/button';
import { ErrorState } from '@/ui/states';
import { NotFound } from './not-found';

/** Routes whose failure leaves no frame (so no account menu): their error page offers sign-out itself. */
const ABOVE_THE_FRAME = new Set(['/_authed', '/_authed/', '/_authed/orgs/$orgId/workspaces/$workspaceId']);

/**
 * A failed page: a not-found says so; anything else offers a retry. An
 * extension the platform does not have is never a not-found: pages show their
 * own "not available" state, and one that reaches here says what is missing.
 * When what every signed-in page needs (who the user is, their organizations)
 * cannot be read, the page also offers the way out.
 */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const { reset } = useQueryErrorResetBoundary();
  const routeId = useMatch({ strict: false, select: (m) => (m.routeId as string | undefined) ?? '' });
  useEffect(() => reset(), [reset]);
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  const title =
    error instanceof ApiError && error.status === 403
      ? 'You do not have access to this'
      : isExtensionUnavailable(error)
        ? 'Not available on this platform'
        : 'This page could not be loaded';
  const state = <ErrorState title={title} error={error} onRetry={() => void router.invalidate()} />;
  if (!ABOVE_THE_FRAME.has(routeId) || !getSession()) return state;
  return (
    <main className="auth-page">
      <div className="stack">
        {state}
        <SignOut />
      </div>
    </main>
  );
}

/** The account menu's sign-out, for a page without the menu (the plain call rather than the mutation hook keeps the first load light). */
function SignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    await signOut();
    queryClient.clear();
    await navigate({ to: '/login', search: { redirect: undefined } });
  };
  return (
    <Button pending={pending} onClick={() => void run()}>
      Sign out
    </Button>
  );
}
