import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Skeleton } from '@/ui/skeleton';
import type { InvalidRow } from '@/contract/reading';
import type { WorkspaceMetricsRead } from '@/data/metrics/get-workspace-metrics';
import type { ServiceInScope } from '@/contract/services';
import { formatCount, formatDateTime, formatRate, formatRelative } from '@/lib/format';
import { RingLabel } from './ring-label';
import type { ServicesSearch } from './services-search';
import { DeploymentStateBadge, ExecutionModeLabel, ServiceStatusBadge } from './service-status';

// Rows the platform sent that could not be read are rare: their rendering loads when there are some.
const InvalidTableRows = lazy(() => import('@/ui/invalid-rows').then((m) => ({ default: m.InvalidTableRows })));

/** A service's last hour, as the list shows it. */
export type ServiceFigures = { requests: number; errors_5xx: number; error_rate: number };

type Column = {
  id: string;
  header: string;
  /** The list query's sort field, when the platform can sort by this column. */
  sort?: ServicesSearch['sort'];
  cell: (service: ServiceInScope) => ReactNode;
};

/**
 * A plain table rather than a table library: sorting and paging happen on the
 * platform, so the rows are drawn as they come — and the services list, the
 * first page most people open, does not download a table engine.
 */
function serviceColumns(ringNames: Map<string, string>, figures: ReadonlyMap<string, ServiceFigures> | null | undefined): Column[] {
  const columns: Column[] = [
    {
      id: 'name',
      header: 'Name',
      sort: 'name',
      cell: (s) => (
        <div className="cell-name">
          <Link
            to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId"
            params={{ orgId: s.org_id, workspaceId: s.workspace_id, serviceId: s.id }}
            className="row-link"
          >
            {s.name}
          </Link>
          <span className="mono muted">{s.slug}</span>
        </div>
      ),
    },
    { id: 'execution_mode', header: 'Mode', cell: (s) => <ExecutionModeLabel mode={s.execution_mode} /> },
    {
      id: 'status',
      header: 'Status',
      sort: 'status',
      cell: (s) => (
        <span className="badges">
          <ServiceStatusBadge status={s.status} />
          {s.deployment_state && <DeploymentStateBadge state={s.deployment_state} />}
        </span>
      ),
    },
    {
      id: 'ring_id',
      header: 'Ring',
      cell: (s) => <RingLabel service={s} ringName={s.ring_id ? ringNames.get(s.ring_id) : undefined} short />,
    },
    {
      id: 'version',
      header: 'Version',
      cell: (s) => (
        <span>
          {s.active_version !== null ? `v${s.active_version} live` : <span className="muted">not published</span>}
          {s.draft_version !== null && <span className="muted"> · v{s.draft_version} draft</span>}
        </span>
      ),
    },
    { id: 'updated_at', header: 'Updated', sort: 'updated_at', cell: (s) => <Moment at={s.updated_at} /> },
    { id: 'created_at', header: 'Created', sort: 'created_at', cell: (s) => <Moment at={s.created_at} /> },
  ];
  // The last hour's figures, after the version; none on a platform without metrics (null), dashes until read.
  if (figures !== null) {
    const figure = (show: (f: ServiceFigures) => ReactNode, none: string) => (s: ServiceInScope) => {
      const f = figures?.get(s.id);
      return f && f.requests > 0 ? show(f) : <span className="muted">{figures ? none : '—'}</span>;
    };
    columns.splice(
      5,
      0,
      { id: 'requests', header: 'Requests (1 h)', cell: figure((f) => formatCount(f.requests), '0') },
      {
        id: 'errors',
        header: 'Errors (1 h)',
        cell: figure((f) => <span className={f.errors_5xx > 0 ? 'text-danger' : undefined}>{formatRate(f.error_rate)}</span>, '—'),
      },
    );
  }
  return columns;
}

/** Each service's figures by id, from the workspace's `service-metrics` (null: the platform has none; undefined: not read). */
export function useFigures(metrics: WorkspaceMetricsRead | undefined) {
  return useMemo(() => metrics && new Map(metrics.items.map((i) => [i.service_id, i.totals])), [metrics]);
}

/** A time in words, its exact value on hover; — where the platform gave none (the times are our decision). */
function Moment({ at }: { at: string | null }) {
  if (!at) return <span className="muted">—</span>;
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at)}
    </time>
  );
}

export function ServicesTable({
  services,
  ringNames,
  sort,
  order,
  onSortChange,
  fetching,
  invalid = [],
  figures,
  sortable = true,
}: {
  services: ServiceInScope[] | undefined;
  ringNames: Map<string, string>;
  sort: ServicesSearch['sort'];
  order: ServicesSearch['order'];
  onSortChange: (sort: ServicesSearch['sort'], order: ServicesSearch['order']) => void;
  fetching: boolean;
  /** Rows the platform sent that could not be read: shown in place, with the id when known. */
  invalid?: readonly InvalidRow[];
  /** The last hour's requests and error rate of each service with traffic: null on a platform without metrics, undefined until read. */
  figures: ReadonlyMap<string, ServiceFigures> | null | undefined;
  /** False where the rows come in another order than the platform's (Needs attention: most errors first). */
  sortable?: boolean;
}) {
  const columns = useMemo(() => serviceColumns(ringNames, figures), [ringNames, figures]);

  return (
    <div className="table-wrap" aria-busy={fetching}>
      <table className="table">
        <caption className="visually-hidden">Hosted services</caption>
        <thead>
          <tr>
            {columns.map(({ id, header, sort: field }) => {
              const active = sortable && field !== undefined && sort === field;
              return (
                <th key={id} scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {field && sortable ? (
                    <button
                      type="button"
                      className="th-sort"
                      onClick={() => onSortChange(field, active && order === 'desc' ? 'asc' : 'desc')}
                    >
                      {header}
                      <span aria-hidden="true" className="sort-arrow">
                        {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {services?.map((service) => (
            <tr key={service.id}>
              {columns.map((column) => (
                <td key={column.id}>{column.cell(service)}</td>
              ))}
            </tr>
          ))}
          {services && invalid.length > 0 && (
            <Suspense fallback={null}>
              <InvalidTableRows rows={invalid} columns={columns.length} noun="Service" />
            </Suspense>
          )}
          {!services &&
            Array.from({ length: 6 }, (_, i) => (
              <tr key={i} aria-hidden="true">
                {columns.map((_, j) => (
                  <td key={j}>
                    <Skeleton width={j === 0 ? '70%' : '50%'} />
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
      {!services && (
        <span className="visually-hidden" role="status">
          Loading services…
        </span>
      )}
    </div>
  );
}
