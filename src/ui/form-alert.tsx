/** A form's failure as a whole, with a retry when trying again may work. */
export function FormAlert({
  failure,
  onRetry,
  retryHint = 'What you typed is kept.',
  id,
}: {
  failure: { message: string; retryable: boolean } | null;
  onRetry?: () => void;
  retryHint?: string;
  id?: string;
}) {
  if (!failure) return null;
  return (
    <div id={id} className="form-alert" role="alert">
      <p>{failure.message}</p>
      {failure.retryable && onRetry && (
        <p>
          {retryHint}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
    </div>
  );
}
