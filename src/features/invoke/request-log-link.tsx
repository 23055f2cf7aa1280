import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Scope } from '@/contract/paths';
import { useCapability } from '@/lib/capabilities';

const LOGS = '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/logs';

/**
 * A call's request id as a link to its record on the Logs tab (the log
 * narrowed to it, its details open); plain text on a platform without the request log.
 */
export function RequestLogLink({
  scope,
  serviceId,
  requestId,
  children,
}: {
  scope: Scope;
  serviceId: string;
  requestId: string;
  children: ReactNode;
}) {
  if (useCapability('requestLog') === 'unavailable') return <>{children}</>;
  return (
    <Link to={LOGS} params={{ ...scope, serviceId }} search={{ search: requestId, request: requestId }} title="Open its record in Logs">
      {children}
    </Link>
  );
}

/**
 * A job's submit record on the Logs tab: by its request id when this page
 * submitted it, else the log's POSTs in the second around its submit time
 * (the record names the job, so it is the one among them). The job card
 * shows it only where the platform has a request log.
 */
export function SubmitRecordLink({
  scope,
  serviceId,
  requestId,
  submittedAt,
}: {
  scope: Scope;
  serviceId: string;
  requestId: string | null;
  submittedAt: string;
}) {
  if (requestId) {
    return (
      <RequestLogLink scope={scope} serviceId={serviceId} requestId={requestId}>
        Its submit record
      </RequestLogLink>
    );
  }
  const at = new Date(submittedAt).getTime();
  return (
    <Link
      to={LOGS}
      params={{ ...scope, serviceId }}
      search={{ method: 'POST', since: new Date(at - 1000).toISOString(), until: new Date(at + 1000).toISOString() }}
    >
      POSTs around its submit time
    </Link>
  );
}
