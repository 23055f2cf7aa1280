import { Countdown, useSecondsLeft } from './countdown';

/** What a form shows of its failure as a whole (see useServerForm's FormFailure). */
export type FailureView = { message: string; retryable: boolean; notBefore?: number | null };

/** Whether the platform's wait (a 429's Retry-After) for this failure is still running. */
export function useWaiting(failure: FailureView | null): boolean {
  return useSecondsLeft(failure?.notBefore ?? null) > 0;
}

/**
 * A form's failure as a whole, with a retry when trying again may work; after
 * a 429 the retry waits out the platform's Retry-After, counting down.
 */
export function FormAlert({
  failure,
  onRetry,
  retryHint = 'What you typed is kept.',
  id,
}: {
  failure: FailureView | null;
  onRetry?: () => void;
  retryHint?: string;
  id?: string;
}) {
  const waiting = useWaiting(failure);
  if (!failure) return null;
  return (
    <div id={id} className="form-alert" role="alert">
      <p>{failure.message}</p>
      {failure.notBefore && waiting ? (
        <Countdown until={failure.notBefore} lead="You can try again in" className="" />
      ) : (
        failure.retryable &&
        onRetry && (
          <p>
            {retryHint}{' '}
            <button type="button" className="link-button" onClick={onRetry}>
              Try again
            </button>
          </p>
        )
      )}
    </div>
  );
}
