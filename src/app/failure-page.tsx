import { useQueryClient, useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Link, useMatch, useNavigate, useParams, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { Suspense, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { whoamiQueryOptions } from '@/data/auth/get-whoami';
import { signOut } from '@/data/auth/sign-out';
import { getSession } from '@/lib/session';
import { Button } from '@/ui/button';
import { Countdown, useSecondsLeft } from '@/ui/countdown';
import { retryNotBefore } from '@/ui/states';
import { AuthCard } from '@/ui/auth-card';
import { describeFailure, type Failure } from './failure';
import { PageSpinner } from './page-spinner';
import { AppShell } from './shell/app-shell';
import { FrameContext } from './shell/frame-context';
import { serviceOverview } from '@/lib/service-links';

/**
 * A page that could not be shown, designed like any other: an icon, a heading
 * (the page's h1, or a section of a service's page), what happened, and a way
 * forward — Try again where trying again may work (waiting out a Retry-After),
 * and a way back: to the service, to the area the missing thing was in
 * (Connectors), or to the workspace's services.
 */
function FailurePage({ failure, error, onRetry }: { failure: Failure; error?: unknown; onRetry?: () => void }) {
  const frame = useContext(FrameContext);
  const { serviceId } = useParams({ strict: false });
  const headingId = useId();
  const notBefore = retryNotBefore(error);
  const waiting = useSecondsLeft(notBefore) > 0;
  const Heading = failure.level === 1 ? 'h1' : 'h2';
  const scope = frame?.scope;
  return (
    <section className={`state failure-page ${failure.kind === 'not-found' ? 'state-empty' : 'state-error'}`} aria-labelledby={headingId}>
      <svg className="state-icon" viewBox="0 0 48 48" aria-hidden="true">
        {failure.kind === 'not-found' ? (
          <>
            <circle cx="21" cy="21" r="11" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <path d="M29 29l9 9M17 21h8" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
          </>
        ) : (
          <>
            <circle cx="24" cy="24" r="16" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <path d="M24 15v11M24 31.5v.5" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          </>
        )}
      </svg>
      <Heading id={headingId} tabIndex={-1}>
        {failure.heading}
      </Heading>
      <p className="state-body">{failure.message}</p>
      {notBefore !== null && <Countdown until={notBefore} lead="You can try again in" />}
      <div className="state-actions">
        {onRetry && (
          <Button variant="primary" onClick={onRetry} disabled={waiting}>
            Try again
          </Button>
        )}
        {failure.back === 'connectors' && scope ? (
          <Link to="/orgs/$orgId/workspaces/$workspaceId/connectors" params={scope} className={onRetry ? 'btn' : 'btn btn-primary'}>
            Back to Connectors
          </Link>
        ) : failure.level === 2 && scope && serviceId ? (
          <Link {...serviceOverview(scope, serviceId)} className={onRetry ? 'btn' : 'btn btn-primary'}>
            Go to the service&rsquo;s overview
          </Link>
        ) : scope ? (
          <Link to="/orgs/$orgId/workspaces/$workspaceId/services" params={scope} className={onRetry ? 'btn' : 'btn btn-primary'}>
            Go to Hosted Services
          </Link>
        ) : (
          <Link to="/" className={onRetry ? 'btn' : 'btn btn-primary'}>
            Go to Hosted Services
          </Link>
        )}
      </div>
    </section>
  );
}

/**
 * Keeps a failure inside the app frame, so a user can still sign out or go
 * elsewhere: a failure inside the frame is left as it is; one above it (a
 * workspace that does not exist, an unknown address) gets a frame of its own
 * when someone is signed in (`loadUser`: fetch who they are when it is not
 * known yet — not for an error, which may be that very request failing), and
 * a plain page with a way to sign in otherwise.
 */
function Framed({ loadUser, children }: { loadUser: boolean; children: ReactNode }) {
  const inFrame = useContext(FrameContext) !== null;
  const known = useQueryClient().getQueryData(whoamiQueryOptions().queryKey) !== undefined;
  if (inFrame) return children;
  if (getSession() && (known || loadUser)) {
    return (
      <Suspense fallback={<PageSpinner />}>
        <AppShell>{children}</AppShell>
      </Suspense>
    );
  }
  return (
    <AuthCard tabIndex={-1}>
      {children}
      {getSession() ? (
        <SignOut />
      ) : (
        <p className="muted auth-footnote">
          Not signed in? <Link to="/login">Sign in</Link>
        </p>
      )}
    </AuthCard>
  );
}

/**
 * Sign-out for a page without the frame's account menu: signed in, but who the
 * user is could not be read (whoami failed), so the frame cannot be drawn. The
 * plain call rather than the mutation hook keeps the first load light.
 */
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
    <p className="auth-footnote">
      <Button pending={pending} onClick={() => void run()}>
        Sign out
      </Button>
    </p>
  );
}

/** The router's not-found page: an unknown address, or a loader's `notFound()`. */
export function NotFound() {
  const match = useMatch({ strict: false });
  const failure = describeFailure({ routeId: match.routeId, status: 'notFound', error: match.error, _notFound: match._notFound });
  return (
    <Framed loadUser>
      <FailurePage failure={failure} />
    </Framed>
  );
}

/** The router's error page: a not-found says so; anything else offers a retry. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const match = useMatch({ strict: false });
  const { reset } = useQueryErrorResetBoundary();
  useEffect(() => reset(), [reset]);
  const failure = describeFailure({ routeId: match.routeId, status: 'error', error });
  const retry = failure.kind === 'failed' || failure.kind === 'throttled' ? () => void router.invalidate() : undefined;
  return (
    <Framed loadUser={false}>
      <FailurePage failure={failure} error={error} onRetry={retry} />
    </Framed>
  );
}
