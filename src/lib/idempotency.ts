import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per user submission (CONTRACT §1): the same key is
 * reused when the user retries that submission, and a new one is made once
 * the submission succeeds or the user changes what they send.
 */
export function useIdempotencyKey() {
  const key = useRef<{ value: string; body: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const serialized = JSON.stringify(body);
    if (!key.current || key.current.body !== serialized) {
      key.current = { value: crypto.randomUUID(), body: serialized };
    }
    return key.current.value;
  }, []);
  const reset = useCallback(() => {
    key.current = null;
  }, []);
  return { keyFor, reset };
}
