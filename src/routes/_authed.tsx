import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';
import { whoamiQueryOptions } from '@/data/auth/get-whoami';
import { organizationsQueryOptions } from '@/data/organizations/get-organizations';
import { getSession } from '@/lib/session';

/** Everything below needs a session; without one, sign in and come back here. */
export const Route = createFileRoute('/_authed')({
  beforeLoad: ({ location }) => {
    if (!getSession()) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  // Who the user is and which organizations they see: every signed-in page needs both.
  loader: ({ context: { queryClient } }) =>
    Promise.all([queryClient.ensureQueryData(whoamiQueryOptions()), queryClient.ensureQueryData(organizationsQueryOptions())]),
  component: Outlet,
});
