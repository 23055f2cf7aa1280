import { createFileRoute } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import * as z from 'zod/mini';
import { SsoCallbackPage } from '@/features/auth/sso-callback-page';
import { safeRedirect } from '@/lib/safe-redirect';

const text = (max: number) => z.catch(z.optional(z.string().check(z.maxLength(max))), undefined);

/** Where the identity provider sends the browser back (`?code=…&state=…`, or `?error=…`): public, as the sign-in page is. */
export const Route = createFileRoute('/sso/callback')({
  staticData: { title: 'Signing in' },
  validateSearch: z.object({ code: text(512), state: text(512), error: text(200), error_description: text(1000) }),
  component: SsoCallbackRoute,
});

function SsoCallbackRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  // Read once, into memory; off the address while the code is exchanged (it is a credential until used), and the page
  // is left at once either way (replacing this history entry).
  const [params] = useState(() => search);
  const onExchanging = useCallback(() => void navigate({ search: {}, replace: true }), [navigate]);
  const onSignedIn = useCallback((redirect: string | null) => void navigate({ href: safeRedirect(redirect), replace: true }), [navigate]);
  const onFailed = useCallback(
    (reason: string) =>
      void navigate({ to: '/login', search: { redirect: undefined }, state: (s) => ({ ...s, ssoFailure: reason }), replace: true }),
    [navigate],
  );
  return <SsoCallbackPage params={params} onExchanging={onExchanging} onSignedIn={onSignedIn} onFailed={onFailed} />;
}
