import { useEffect, useState } from 'react';
import type { TailStatus } from '@/data/requests/use-request-tail';

function SecondsUntil({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return <>{Math.max(0, Math.ceil((at - now) / 1000))} s</>;
}

/** Where the live tail stands, in words. */
function TailWords({ status }: { status: TailStatus }) {
  switch (status.kind) {
    case 'connecting':
      return <>Connecting…</>;
    case 'live':
      return <>New requests appear at the top.</>;
    case 'waiting':
      return (
        <>
          The connection dropped{status.error ? ` (${status.error.message})` : ''}. Reconnecting in <SecondsUntil at={status.retryAt} />,
          from the last request received.
        </>
      );
    case 'hidden':
      return <>Paused while this browser tab is hidden.</>;
    case 'stopped':
      return <>Stopped: {status.error.message}</>;
    case 'unavailable':
      return <>The live tail is not available on this platform.</>;
    case 'off':
      return null;
  }
}

/** The Live switch and what the tail is doing; `disabledReason` says why it cannot be turned on. */
export function LiveControl({
  on,
  status,
  disabledReason,
  onChange,
}: {
  on: boolean;
  status: TailStatus;
  disabledReason: string | null;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="live-control">
      <button
        type="button"
        className={on ? 'btn btn-primary btn-sm live-toggle' : 'btn btn-secondary btn-sm live-toggle'}
        aria-pressed={on}
        disabled={disabledReason !== null && !on}
        title={disabledReason ?? undefined}
        onClick={() => onChange(!on)}
      >
        <span className={`live-dot live-dot-${on ? status.kind : 'off'}`} aria-hidden="true" />
        Live
      </button>
      <span className="muted live-words" role="status">
        {on ? <TailWords status={status} /> : disabledReason}
      </span>
    </div>
  );
}
