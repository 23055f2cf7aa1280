import { Link } from '@tanstack/react-router';
import type { WorkspaceProps } from '@/lib/route-props';

/**
 * A connector instance that is not there — a mistyped or old link, or one deleted in another tab — said in the
 * connectors area, inside the console's frame, with the way back to Connectors (as a missing service is said
 * inside its workspace, with the way back to Hosted Services).
 */
export function InstanceNotFound({ scope }: WorkspaceProps) {
  return (
    <section className="state failure-page state-empty" aria-labelledby="instance-not-found-title">
      <svg className="state-icon" viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="21" cy="21" r="11" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M29 29l9 9M17 21h8" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <h1 id="instance-not-found-title" tabIndex={-1}>
        Connector instance not found
      </h1>
      <p className="state-body">
        There is no such connector instance in this workspace. It may have been deleted, or the link may be out of date.
      </p>
      <div className="state-actions">
        <Link to="/orgs/$orgId/workspaces/$workspaceId/connectors" params={scope} className="btn btn-primary">
          Back to Connectors
        </Link>
      </div>
    </section>
  );
}
