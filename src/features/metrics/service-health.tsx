import { Link } from '@tanstack/react-router';
import { useMetrics } from '@/data/metrics/get-metrics';
import { useService } from '@/data/services/get-service';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';
import type { ServiceProps } from '@/lib/route-props';
import { Card } from '@/ui/card';
import { Detail } from '@/ui/details';
import { Skeleton } from '@/ui/skeleton';
import { RetryAlert } from '@/ui/states';
import { errorComparison } from './metrics-series';

/** The overview's health summary: the last hour's requests, errors and p95, and the versions side by side. Only for a published service. */
export function ServiceHealth({ scope, serviceId }: ServiceProps) {
  const published = useService(scope, serviceId).active_version !== null;
  return published ? <Health scope={scope} serviceId={serviceId} /> : null;
}

function Health({ scope, serviceId }: ServiceProps) {
  const metrics = useMetrics(scope, serviceId, '1h');
  const data = metrics.data?.available ? metrics.data.data : undefined;
  const comparison = data && data.versions.filter((v) => v.totals.requests > 0).length > 1 ? errorComparison(data) : null;
  return (
    <Card
      id="health-title"
      heading="Health, last hour"
      actions={
        metrics.data?.available !== false && (
          <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/metrics" params={{ ...scope, serviceId }}>
            Metrics
          </Link>
        )
      }
    >
      {metrics.data?.available === false ? (
        <p className="muted">Metrics are not available on this platform.</p>
      ) : metrics.isError && !data ? (
        <RetryAlert what="Metrics could not be loaded" error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : !data ? (
        <Skeleton width="60%" label="Loading the health summary" />
      ) : data.totals.requests === 0 ? (
        <p className="muted">No requests in the last hour.</p>
      ) : (
        <>
          <dl className="details" aria-label="Last hour">
            <Detail term="Requests">{formatCount(data.totals.requests)}</Detail>
            <Detail term="Error rate (5xx)">{formatRate(data.totals.error_rate)}</Detail>
            <Detail term="p95 latency">{formatMs(data.totals.p95_ms)}</Detail>
          </dl>
          {comparison && <p className="health-comparison">{comparison}</p>}
        </>
      )}
    </Card>
  );
}
