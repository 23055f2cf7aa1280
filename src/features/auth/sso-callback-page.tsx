import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { finishSso, takePendingSso } from '@/data/auth/sso';
import { AuthCard } from '@/ui/auth-card';
import { callbackProblem, finishProblem, type CallbackParams } from './sso-callback';

/**
 * Where the identity provider sends the browser back: the answer is checked
 * against the sign-in this tab started, then the code is exchanged for a
 * session. Either way the page moves on at once: signed in, or back to the
 * sign-in page with the reason.
 */
export function SsoCallbackPage({
  params,
  onExchanging,
  onSignedIn,
  onFailed,
}: {
  params: CallbackParams;
  /** The code goes to the platform now: take it off the address meanwhile (the other outcomes leave the page at once). */
  onExchanging: () => void;
  onSignedIn: (redirect: string | null) => void;
  onFailed: (reason: string) => void;
}) {
  const queryClient = useQueryClient();
  const started = useRef(false);
  useEffect(() => {
    // Once: a state is compared once, and a code works once.
    if (started.current) return;
    started.current = true;
    const pending = takePendingSso();
    const problem = callbackProblem(params, pending);
    if (problem) {
      onFailed(problem);
      return;
    }
    onExchanging();
    finishSso({ code: params.code!, state: params.state! }).then(
      () => {
        // What this tab had read as someone else goes.
        queryClient.removeQueries();
        onSignedIn(pending!.redirect);
      },
      (error: unknown) => onFailed(finishProblem(error)),
    );
  }, [params, onExchanging, onSignedIn, onFailed, queryClient]);
  return (
    <AuthCard>
      <h1 tabIndex={-1}>Signing you in…</h1>
      <p className="muted" role="status">
        Checking the answer of your organization’s identity provider.
      </p>
    </AuthCard>
  );
}
