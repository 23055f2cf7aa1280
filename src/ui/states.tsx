import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api-error';
import { Button } from './button';
import { Countdown, useSecondsLeft } from './countdown';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <svg className="state-icon" viewBox="0 0 48 48" aria-hidden="true">
        <rect x="8" y="12" width="32" height="24" rx="4" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M8 20h32" stroke="currentColor" strokeWidth="2.5" />
      </svg>
      <h2>{title}</h2>
      {children && <div className="state-body">{children}</div>}
      {action}
    </div>
  );
}

/** When the platform said to wait (a 429's Retry-After), the moment a retry is allowed again. */
export function retryNotBefore(error: unknown): number | null {
  return error instanceof ApiError && error.status === 429 ? error.retryNotBefore : null;
}

/**
 * A failure in place of what could not be shown. Its Try again waits out a
 * `Retry-After`, counting down, so no retry goes out before the platform allows.
 */
export function ErrorState({
  title = 'Something went wrong',
  error,
  onRetry,
  children,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  /** Other ways forward, beside Try again. */
  children?: ReactNode;
}) {
  const message = error instanceof Error ? error.message : String(error);
  const notBefore = retryNotBefore(error);
  const waiting = useSecondsLeft(notBefore) > 0;
  return (
    <div className="state state-error" role="alert">
      <svg className="state-icon" viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="24" cy="24" r="16" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M24 15v11M24 31.5v.5" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <h2>{title}</h2>
      <p className="state-body">{message}</p>
      {notBefore !== null && <Countdown until={notBefore} lead="You can try again in" />}
      {(onRetry || children) && (
        <div className="state-actions">
          {onRetry && (
            <Button variant="primary" onClick={onRetry} disabled={waiting}>
              Try again
            </Button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}

/** A failure beside what is still shown (the rows already read): one line, what failed and why, and Try again. */
export function RetryAlert({ what, error, onRetry }: { what: string; error: Error | null; onRetry: () => void }) {
  return (
    <p className="form-alert" role="alert">
      {what}: {error?.message}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}
