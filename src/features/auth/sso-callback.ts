import { ApiError } from '@/lib/api-error';
import { isExtensionUnavailable } from '@/lib/capabilities';

/** What the identity provider sent the browser back with (OAuth 2's authorization response). */
export type CallbackParams = { code?: string; state?: string; error?: string; error_description?: string };

const AGAIN = 'Start again below.';

/**
 * Whether the answer may be sent to the platform: it must be for the sign-in
 * this tab started (the same `state`), and carry a code. Null when it may;
 * else why not, in a sentence for the sign-in page.
 */
export function callbackProblem(params: CallbackParams, pending: { state: string } | null): string | null {
  if (params.error) {
    if (params.error === 'access_denied') return `You cancelled at the identity provider, so nobody was signed in. ${AGAIN}`;
    const why = params.error_description ? `: ${params.error_description.slice(0, 200)}` : '';
    return `The identity provider refused the sign-in (${params.error.slice(0, 60)}${why}). ${AGAIN}`;
  }
  if (!pending)
    return `This tab did not start a single sign-on, or has finished it already, so the console cannot check that the answer is meant for you. ${AGAIN}`;
  if (!params.state || params.state !== pending.state)
    return `The identity provider’s answer does not match the sign-in this tab started (its state differs), so nothing was sent to the platform. ${AGAIN}`;
  if (!params.code) return `The identity provider sent no sign-in code. ${AGAIN}`;
  return null;
}

/** The platform's refusal of the code (used, expired, not its own), or its missing callback, in a sentence. */
export function finishProblem(error: unknown): string {
  if (isExtensionUnavailable(error))
    return 'This platform does not finish single sign-on in the console (it has no POST /auth/sso/callback). Sign in with your email and password.';
  if (error instanceof ApiError) {
    const issue = error.issues.find((i) => i.loc[0] === 'body' && (i.loc[1] === 'code' || i.loc[1] === 'state'));
    return issue ? issue.msg : error.message;
  }
  return `Single sign-on could not be finished. ${AGAIN}`;
}
