import { useEffect, useState } from 'react';

/**
 * Whole seconds until `until` (epoch ms), ticking each second; 0 once it has passed or when there is nothing to
 * wait for. `now` is the clock `until` is on: the browser's for a wait it started, the platform's
 * (`serverNow`) for a time the platform set.
 */
export function useSecondsLeft(until: number | null, now: () => number = Date.now): number {
  const left = () => (until === null ? 0 : Math.max(0, Math.ceil((until - now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    if (until === null) return;
    const tick = () => setSeconds(Math.max(0, Math.ceil((until - now()) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [until, now]);
  return until === null ? 0 : seconds;
}

/** `42 s`, `4 min 05 s`. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * A wait the platform asked for (`Retry-After`), counting down: the words are
 * read once by assistive tech (a status), the ticking number is not.
 */
export function Countdown({ until, lead, className = 'wait-notice' }: { until: number; lead: string; className?: string }) {
  const seconds = useSecondsLeft(until);
  const [announced] = useState(() => {
    const total = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    return `${lead} ${total < 60 ? `${total} seconds` : `${Math.ceil(total / 60)} minutes`}.`;
  });
  if (seconds === 0) return null;
  return (
    <p className={className} role="status">
      <span aria-hidden="true">
        {lead} <span className="wait-seconds">{formatWait(seconds)}</span>
      </span>
      <span className="visually-hidden">{announced}</span>
    </p>
  );
}
