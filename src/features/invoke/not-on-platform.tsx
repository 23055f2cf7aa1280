/** A designed state for a platform that does not serve async jobs (a 404/405/501 from the jobs paths), rather than an error. */
export function JobsNotAvailable() {
  return (
    <div className="state state-empty invoke-unavailable" role="status">
      <h3>Async jobs are not available on this platform</h3>
      <p className="state-body">It did not answer the jobs API (seed 001). Calls through the gateway still work: use Send.</p>
    </div>
  );
}
