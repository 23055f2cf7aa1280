import { useContext } from 'react';
import { FrameContext } from './shell/frame-context';
import { ThrottleNotice } from './throttle-notice';

/** A page on its way; while its data waits out a 429 it says for how long (inside the frame, the frame says it). */
export function PageSpinner() {
  const inFrame = useContext(FrameContext) !== null;
  return (
    <>
      <div className="page-spinner" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <span>Loading…</span>
      </div>
      {!inFrame && <ThrottleNotice />}
    </>
  );
}
