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
import { ToolbarSelect } from '@/ui/toolbar-select';
import { EmptyState, ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { endpointWords, logsSearchFor, servingEndpoints, type MetricsEndpoint } from './metrics-links';
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
 * An endpoint may be chosen: every figure is then of its calls only, and each
 * version's totals link to those calls in the Logs tab.
 */
export function MetricsPage({ scope, serviceId, search: inUrl, onSearchChange }: ServiceProps & SearchProps<MetricsSearch>) {
  const search = metricsView(inUrl);
  const service = useService(scope, serviceId);
  const versions = useVersions(scope, serviceId);
  const metrics = useMetrics(scope, serviceId, search.window, search.path);
  const tones = useMemo(() => versionTones(versions), [versions]);
  const statusOf = useMemo(() => new Map(versions.map((v) => [v.version, v.status])), [versions]);
  const endpoints = useMemo(() => servingEndpoints(versions), [versions]);
  const words = WINDOW_WORDS[search.window];
  /** The endpoint the figures describe, in words ("POST /embed"); null for every endpoint. */
  const endpoint = search.path === undefined ? null : endpointWords(search.path, endpoints);

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

  // Shown once there is a choice: a platform that does not list a version's endpoints offers none.
  const endpointFilter = (endpoints.length > 0 || search.path !== undefined) && (
    <EndpointFilter endpoints={endpoints} path={search.path} onChange={(path) => onSearchChange({ path })} />
  );

  if (metrics.isError && !metrics.data) {
    return (
      <div className="stack">
        <div className="toolbar metrics-toolbar">
          {endpointFilter}
          {windowPicker}
        </div>
        <ErrorState title="Metrics could not be loaded" error={metrics.error} onRetry={() => void metrics.refetch()} />
      </div>
    );
  }

  const data = metrics.data?.available ? metrics.data.data : undefined;
  const comparison = data ? errorComparison(data) : null;
  const busy = metrics.isFetching || metrics.isPlaceholderData;

  return (
    <div className="stack metrics-page" aria-busy={busy}>
      {endpointFilter && <div className="toolbar metrics-filters">{endpointFilter}</div>}
      <Card
        id="metrics-summary-title"
        heading="How each version answers"
        subtitle={
          <>
            {endpoint ? `${endpoint}, over` : 'Over'} {words.span}, per {words.bucket}.
            {metrics.dataUpdatedAt > 0 && <> Updated {timeOfDay.format(metrics.dataUpdatedAt)}.</>}
          </>
        }
        actions={windowPicker}
      >
        {!data ? (
          <Skeleton height="3.5rem" label="Loading metrics" />
        ) : data.totals.requests === 0 && endpoint ? (
          <p className="muted">
            No requests to {endpoint} in {words.span}.
          </p>
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
            <VersionTotals
              metrics={data}
              tones={tones}
              statusOf={statusOf}
              logs={{ ...scope, serviceId, path: search.path, since: data.from }}
            />
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
          <MetricsTable metrics={data} window={search.window} percentile={search.latency} endpoint={endpoint} />
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
  logs,
}: {
  metrics: ServiceMetricsRead;
  tones: ReadonlyMap<number, VersionTone>;
  statusOf: ReadonlyMap<number, string>;
  /** Where the versions' calls are in the Logs tab. */
  logs: LogsScope;
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
          <LogsLinks {...logs} version={v.version} errors={v.totals.errors_5xx} />
        </li>
      ))}
    </ul>
  );
}

/** The service, the endpoint chosen and the start of the window counted (the answer's `from`). */
type LogsScope = { orgId: string; workspaceId: string; serviceId: string; path?: string; since: string };

/** A version's calls behind its figures, and its server errors when it had any, in the Logs tab (its own search, typed). */
function LogsLinks({ orgId, workspaceId, serviceId, errors, ...calls }: LogsScope & { version: number; errors: number }) {
  const to = '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/logs';
  const params = { orgId, workspaceId, serviceId };
  // Each version's card has the same links: their names say whose (beginning with the words shown).
  const which = ` for v${calls.version}`;
  return (
    <p className="metrics-total-links">
      <Link to={to} params={params} search={logsSearchFor(calls)} aria-label={`View in Logs${which}`}>
        View in Logs
      </Link>
      {errors > 0 && (
        <Link to={to} params={params} search={logsSearchFor(calls, '5xx')} aria-label={`View 5xx in Logs${which}`}>
          View 5xx in Logs
        </Link>
      )}
    </p>
  );
}

/** Which endpoint's calls the figures count: every one's, or one of the serving versions'. */
function EndpointFilter({
  endpoints,
  path,
  onChange,
}: {
  endpoints: readonly MetricsEndpoint[];
  path: string | undefined;
  onChange: (path: string | undefined) => void;
}) {
  const paths = endpoints.map((e) => e.path);
  // A path from a link that no serving version lists still shows as chosen.
  if (path !== undefined && !paths.includes(path)) paths.push(path);
  return (
    <ToolbarSelect
      label="Endpoint"
      any="All endpoints"
      value={path}
      options={paths}
      optionLabel={(p) => endpointWords(p, endpoints)}
      onChange={onChange}
    />
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
