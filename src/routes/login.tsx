import { createFileRoute, redirect, useLocation } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { SignInPage } from '@/features/auth/sign-in-page';
import { safeRedirect } from '@/lib/safe-redirect';
import { getSession } from '@/lib/session';

export const Route = createFileRoute('/login')({
  staticData: { title: 'Sign in' },
  validateSearch: z.object({ redirect: z.catch(z.optional(z.string()), undefined) }),
  beforeLoad: ({ search }) => {
    if (getSession()) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: LoginRoute,
});

function LoginRoute() {
  const { redirect: to } = Route.useSearch();
  const navigate = Route.useNavigate();
  const ssoFailure = useLocation({ select: (location) => location.state.ssoFailure ?? null });
  const sessionEnded = useLocation({ select: (location) => location.state.sessionEnded === true });
  return (
    <SignInPage
      redirect={to ?? null}
      ssoFailure={ssoFailure}
      sessionEnded={sessionEnded}
      onSignedIn={() => void navigate({ href: safeRedirect(to), replace: true })}
    />
  );
}
