import type { Scope } from '@/contract/paths';
import type { RequestRecordRead } from '@/contract/requests';
import { useRequest } from '@/data/requests/get-request';
import { ApiError } from '@/lib/api-error';
import { formatMs } from '@/lib/format-latency';
import { Badge } from '@/ui/badge';
import { Detail } from '@/ui/details';
import { Dialog } from '@/ui/dialog';
import { Skeleton } from '@/ui/skeleton';
import { ErrorState } from '@/ui/states';
import { CALLER_WORDS, statusTone } from './status-words';

/** A record's time to the millisecond, with its zone: what one lines up with a client's own log. */
const exact = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  timeZoneName: 'short',
});

/**
 * One record's details, in a dialog whose record is in the URL (`?request=`),
 * so a link opens it. Shown at once from the row already loaded; read from the
 * platform when the link names a record the list does not hold.
 */
export function RequestDetails({
  scope,
  serviceId,
  requestId,
  known,
  onClose,
}: {
  scope: Scope;
  serviceId: string;
  requestId: string;
  known: RequestRecordRead | undefined;
  onClose: () => void;
}) {
  const fetched = useRequest(scope, serviceId, known ? null : requestId);
  const record = known ?? fetched.data;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Request ${requestId}`} wide>
      {record ? (
        <dl className="details request-details">
          <Detail term="Status">
            <Badge tone={statusTone(record.status)}>{record.status}</Badge>
          </Detail>
          <Detail term="Endpoint" mono>
            {record.method} {record.path}
          </Detail>
          <Detail term="Version">{record.version === null ? 'None chosen (refused before routing)' : `v${record.version}`}</Detail>
          <Detail term="Time">
            <time dateTime={record.time}>{exact.format(new Date(record.time))}</time>
          </Detail>
          <Detail term="Duration">{formatMs(record.duration_ms)}</Detail>
          <Detail term="Caller">{CALLER_WORDS[record.caller] ?? record.caller}</Detail>
          <Detail term="Kind">{record.async ? 'Async job submit' : 'Call'}</Detail>
          {record.job_id && (
            <Detail term="Job" mono>
              {record.job_id}
            </Detail>
          )}
          <Detail term="Request ID" mono wide>
            {record.id}
          </Detail>
        </dl>
      ) : fetched.isError ? (
        fetched.error instanceof ApiError && fetched.error.status === 404 ? (
          <p className="form-alert" role="alert">
            No request with ID {requestId} was recorded for this service (records are kept for 7 days).
          </p>
        ) : (
          <ErrorState title="The request could not be loaded" error={fetched.error} onRetry={() => void fetched.refetch()} />
        )
      ) : (
        <Skeleton width="60%" label="Loading the request" />
      )}
      <p className="muted request-details-note">The platform keeps no bodies, headers, query strings or credentials of a call.</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
