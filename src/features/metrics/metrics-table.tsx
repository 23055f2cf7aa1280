import { useMemo } from 'react';
import type { MetricsWindow, ServiceMetricsRead } from '@/contract/metrics';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';
import { TableHead } from '@/ui/table-head';
import { chartData, type Percentile } from './metrics-series';
import { WINDOW_WORDS } from './metrics-words';

const bucketTime = (window: MetricsWindow) =>
  new Intl.DateTimeFormat(
    undefined,
    window === '7d'
      ? { weekday: 'short', hour: '2-digit', minute: '2-digit' }
      : { hour: '2-digit', minute: '2-digit', second: window === '15m' ? '2-digit' : undefined },
  );

/**
 * The charts' numbers as tables, for screen readers and for anyone who wants
 * the figure: each version's totals, and every bucket (folded away: a week has 168).
 */
export function MetricsTable({
  metrics,
  window,
  percentile,
  endpoint,
}: {
  metrics: ServiceMetricsRead;
  window: MetricsWindow;
  percentile: Percentile;
  /** The endpoint counted, in words (null: every endpoint). */
  endpoint: string | null;
}) {
  const words = WINDOW_WORDS[window];
  const versions = useMemo(() => [...metrics.versions].sort((a, b) => b.version - a.version), [metrics]);
  const rows = useMemo(() => {
    const none = new Map<number, never>();
    const requests = chartData(metrics, 'requests', none);
    const rates = chartData(metrics, 'error_rate', none);
    const latency = chartData(metrics, `${percentile}_ms`, none);
    return requests.times
      .map((t, i) => ({
        t,
        cells: requests.lines.map((line, j) => ({
          version: line.version,
          requests: line.values[i] ?? 0,
          rate: rates.lines[j]!.values[i] ?? null,
          latency: latency.lines[j]!.values[i] ?? null,
        })),
      }))
      .reverse();
  }, [metrics, percentile]);
  const format = bucketTime(window);

  return (
    <section className="card stack" aria-labelledby="metrics-numbers-title">
      <h3 id="metrics-numbers-title" className="card-heading">
        The numbers
      </h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Totals per version, as a table">
        <table className="table metrics-table">
          <caption className="visually-hidden">
            Totals per version{endpoint && ` of ${endpoint}`} over {words.span}
          </caption>
          <TableHead
            columns={[
              'Version',
              { label: 'Requests', className: 'num' },
              { label: '4xx', className: 'num' },
              { label: '5xx', className: 'num' },
              { label: 'Error rate (5xx)', className: 'num' },
              { label: 'p50', className: 'num' },
              { label: 'p95', className: 'num' },
              { label: 'p99', className: 'num' },
            ]}
          />
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">v{v.version}</th>
                <td className="num">{formatCount(v.totals.requests)}</td>
                <td className="num">{formatCount(v.totals.errors_4xx)}</td>
                <td className="num">{formatCount(v.totals.errors_5xx)}</td>
                <td className="num">{formatRate(v.totals.error_rate)}</td>
                <td className="num">{formatMs(v.totals.p50_ms)}</td>
                <td className="num">{formatMs(v.totals.p95_ms)}</td>
                <td className="num">{formatMs(v.totals.p99_ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="metrics-buckets">
        <summary>
          Every {words.bucket} as a table ({rows.length} rows)
        </summary>
        {/* It scrolls within the page (a week has 168 rows): focusable, so the keyboard can scroll it too. */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`Every ${words.bucket}`}>
          <table className="table metrics-table">
            <caption className="visually-hidden">
              Requests, error rate and {percentile} latency per {words.bucket} and version, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                {versions.map((v) => [
                  <th key={`${v.version}-r`} scope="col" className="num">
                    v{v.version} requests
                  </th>,
                  <th key={`${v.version}-e`} scope="col" className="num">
                    v{v.version} errors
                  </th>,
                  <th key={`${v.version}-l`} scope="col" className="num">
                    v{v.version} {percentile}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.t}>
                  <th scope="row">
                    <time dateTime={new Date(row.t * 1000).toISOString()}>{format.format(new Date(row.t * 1000))}</time>
                  </th>
                  {row.cells.map((cell) => [
                    <td key={`${cell.version}-r`} className="num">
                      {formatCount(cell.requests)}
                    </td>,
                    <td key={`${cell.version}-e`} className="num">
                      {cell.rate === null ? '—' : formatRate(cell.rate)}
                    </td>,
                    <td key={`${cell.version}-l`} className="num">
                      {formatMs(cell.latency)}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
