import { createFileRoute } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import type { CallbackParams } from '@/features/auth/sso-callback';
import { SsoCallbackPage } from '@/features/auth/sso-callback-page';
import { safeRedirect } from '@/lib/safe-redirect';

/** A parameter as text of at most `max` characters, else none (a bad link still opens, and says what is missing). */
const text = (value: unknown, max: number) => (typeof value === 'string' && value.length <= max ? value : undefined);

/** Where the identity provider sends the browser back (`?code=…&state=…`, or `?error=…`): public, as the sign-in page is. */
export const Route = createFileRoute('/sso/callback')({
  staticData: { title: 'Signing in' },
  validateSearch: (search: Record<string, unknown>): CallbackParams => ({
    code: text(search.code, 512),
    state: text(search.state, 512),
    error: text(search.error, 200),
    error_description: text(search.error_description, 1000),
  }),
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
