import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';
import { whoamiQueryOptions } from '@/data/auth/get-whoami';
import { getSession } from '@/lib/session';

/** Everything below needs a session; without one, sign in and come back here. */
export const Route = createFileRoute('/_authed')({
  beforeLoad: ({ location }) => {
    if (!getSession()) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(whoamiQueryOptions()),
  component: Outlet,
});
