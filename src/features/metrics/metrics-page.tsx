import './metrics.css';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useId, useMemo } from 'react';
import type { ServiceMetricsRead } from '@/contract/metrics';
import { useMetrics } from '@/data/metrics/get-metrics';
import { useService } from '@/data/services/get-service';
import { useVersions } from '@/data/versions/get-versions';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { versionTones, type VersionTone } from '@/lib/version-tones';
import { Card } from '@/ui/card';
import { Segmented } from '@/ui/segmented';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { activeVersions, chartData, errorComparison, type Measure } from './metrics-series';
import { MetricsTable } from './metrics-table';
import { metricsView, type MetricsSearch } from './metrics-search';
import { PERCENTILE_CHOICES, WINDOW_CHOICES, WINDOW_WORDS } from './metrics-words';
import { VersionKey } from './version-key';

// uPlot and its CSS load with the first chart, never with the rest of the console.
const MetricsChart = lazy(() => import('./metrics-chart').then((m) => ({ default: m.MetricsChart })));

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The Metrics tab: how each version behaves under traffic over a window —
 * requests, the 5xx error rate and a latency percentile, a line per version in
 * its Traffic-tab colour — with the totals side by side and every number in a table.
 */
export function MetricsPage({ scope, serviceId, search: inUrl, onSearchChange }: ServiceProps & SearchProps<MetricsSearch>) {
  const search = metricsView(inUrl);
  const service = useService(scope, serviceId);
  const versions = useVersions(scope, serviceId);
  const metrics = useMetrics(scope, serviceId, search.window);
  const tones = useMemo(() => versionTones(versions), [versions]);
  const statusOf = useMemo(() => new Map(versions.map((v) => [v.version, v.status])), [versions]);
  const words = WINDOW_WORDS[search.window];

  if (service.active_version === null) {
    return (
      <EmptyState title="Nothing published yet">
        <p>Metrics describe how published versions answer calls through the gateway. Publish a version first.</p>
      </EmptyState>
    );
  }
  if (metrics.data?.available === false) {
    return (
      <Unavailable capability="metrics" title="Metrics are not available on this platform" level={2}>
        <p>This platform does not say how each version answers under traffic. Every other tab works as usual.</p>
      </Unavailable>
    );
  }

  const windowPicker = (
    <Segmented
      legend="Window"
      name="metrics-window"
      className="metrics-window"
      options={WINDOW_CHOICES}
      value={search.window}
      onChange={(window) => onSearchChange({ window })}
    />
  );

  if (metrics.isError && !metrics.data) {
    return (
      <div className="stack">
        <div className="metrics-toolbar">{windowPicker}</div>
        <ErrorState title="Metrics could not be loaded" error={metrics.error} onRetry={() => void metrics.refetch()} />
      </div>
    );
  }

  const data = metrics.data?.available ? metrics.data.data : undefined;
  const comparison = data ? errorComparison(data) : null;
  const busy = metrics.isFetching || metrics.isPlaceholderData;

  return (
    <div className="stack metrics-page" aria-busy={busy}>
      <Card
        id="metrics-summary-title"
        heading="How each version answers"
        subtitle={
          <>
            Over {words.span}, per {words.bucket}.{metrics.dataUpdatedAt > 0 && <> Updated {timeOfDay.format(metrics.dataUpdatedAt)}.</>}
          </>
        }
        actions={windowPicker}
      >
        {!data ? (
          <Skeleton height="3.5rem" label="Loading metrics" />
        ) : data.totals.requests === 0 ? (
          <p className="muted">
            No requests in {words.span}. Calls through the gateway — from a client, or from the{' '}
            <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/test" params={{ ...scope, serviceId }}>
              Test tab
            </Link>{' '}
            — show here within a minute.
          </p>
        ) : (
          <>
            {comparison && <p className="metrics-comparison">{comparison}</p>}
            <VersionTotals metrics={data} tones={tones} statusOf={statusOf} />
          </>
        )}
      </Card>
      {data && data.totals.requests > 0 && (
        <>
          <div className="metrics-charts">
            <ChartCard title="Requests" measure="requests" metrics={data} tones={tones} />
            <ChartCard title="Error rate (5xx)" measure="error_rate" metrics={data} tones={tones} />
            <ChartCard
              title={`Latency (${search.latency})`}
              measure={`${search.latency}_ms`}
              metrics={data}
              tones={tones}
              actions={
                <Segmented
                  legend="Latency percentile"
                  name="metrics-percentile"
                  options={PERCENTILE_CHOICES}
                  value={search.latency}
                  onChange={(latency) => onSearchChange({ latency })}
                />
              }
            />
          </div>
          <MetricsTable metrics={data} window={search.window} percentile={search.latency} />
        </>
      )}
    </div>
  );
}

/** Each version's totals, side by side, newest first: the figures a promote or a rollback turns on. */
function VersionTotals({
  metrics,
  tones,
  statusOf,
}: {
  metrics: ServiceMetricsRead;
  tones: ReadonlyMap<number, VersionTone>;
  statusOf: ReadonlyMap<number, string>;
}) {
  return (
    <ul className="metrics-totals" aria-label="Totals per version">
      {activeVersions(metrics).map((v) => (
        <li key={v.version} className="metrics-total">
          <p className="metrics-total-version">
            <VersionKey tone={tones.get(v.version) ?? 'retired-0'} /> v{v.version}
            {statusOf.has(v.version) && <span className="muted"> {statusOf.get(v.version)}</span>}
          </p>
          <dl>
            <div>
              <dt>Requests</dt>
              <dd>{formatCount(v.totals.requests)}</dd>
            </div>
            <div>
              <dt>Errors (5xx)</dt>
              <dd className={v.totals.errors_5xx > 0 ? 'metrics-bad' : undefined}>{formatRate(v.totals.error_rate)}</dd>
            </div>
            <div>
              <dt>p95</dt>
              <dd>{formatMs(v.totals.p95_ms)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function ChartCard({
  title,
  measure,
  metrics,
  tones,
  actions,
}: {
  title: string;
  measure: Measure;
  metrics: ServiceMetricsRead;
  tones: ReadonlyMap<number, VersionTone>;
  actions?: React.ReactNode;
}) {
  const id = useId();
  const data = useMemo(() => chartData(metrics, measure, tones), [metrics, measure, tones]);
  return (
    <Card id={id} heading={title} level={3} className="metrics-chart-card" actions={actions}>
      <Suspense
        fallback={
          <div className="metrics-chart-loading" aria-busy="true" aria-label={`Loading the ${title} chart`}>
            <Skeleton height="200px" />
          </div>
        }
      >
        <MetricsChart data={data} measure={measure} label={title} syncKey={`metrics-${metrics.window}`} />
      </Suspense>
    </Card>
  );
}
