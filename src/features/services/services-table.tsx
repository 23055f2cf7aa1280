import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { RelativeTime } from '@/ui/date-time';
import { SkeletonRows } from '@/ui/skeleton';
import type { InvalidRow } from '@/contract/reading';
import type { WorkspaceMetricsRead } from '@/data/metrics/get-workspace-metrics';
import type { RolloutRead } from '@/contract/rollouts';
import type { ServiceRolloutsRead } from '@/data/rollouts/get-service-rollouts';
import type { ServiceInScope } from '@/contract/services';
import { formatCount, formatRate } from '@/lib/format';
import { RingLabel } from './ring-label';
import { RolloutBadge } from './rollout-badge';
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
function serviceColumns(
  ringNames: Map<string, string>,
  figures: ReadonlyMap<string, ServiceFigures> | null | undefined,
  rollouts: ReadonlyMap<string, RolloutRead> | null | undefined,
  reasons: ReadonlyMap<string, readonly string[]> | undefined,
): Column[] {
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
          {rollouts && <RolloutBadge service={s} rollout={rollouts.get(s.id)} />}
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
    { id: 'updated_at', header: 'Updated', sort: 'updated_at', cell: (s) => <RelativeTime iso={s.updated_at} /> },
    { id: 'created_at', header: 'Created', sort: 'created_at', cell: (s) => <RelativeTime iso={s.created_at} /> },
  ];
  // Why a service needs attention ("Needs attention" only), beside its name.
  if (reasons)
    columns.splice(1, 0, {
      id: 'reasons',
      header: 'Why',
      cell: (s) => (
        <ul className="attention-reasons">
          {(reasons.get(s.id) ?? []).map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ),
    });
  // The last hour's figures, after the version; none on a platform without metrics (null), dashes until read.
  if (figures !== null) {
    const figure = (show: (f: ServiceFigures) => ReactNode, none: string) => (s: ServiceInScope) => {
      const f = figures?.get(s.id);
      return f && f.requests > 0 ? show(f) : <span className="muted">{figures ? none : '—'}</span>;
    };
    columns.splice(
      columns.findIndex((c) => c.id === 'version') + 1,
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

/** Each service's newest rollout by id, from the workspace's `service-rollouts` (null: the platform has none; undefined: not read). */
export function useRolloutsById(rollouts: ServiceRolloutsRead | undefined) {
  return useMemo(() => rollouts && new Map(rollouts.items.map((i) => [i.service_id, i.rollout])), [rollouts]);
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
  rollouts,
  reasons,
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
  /** Each service's newest rollout: null on a platform without rollouts, undefined until read. */
  rollouts?: ReadonlyMap<string, RolloutRead> | null;
  /** Why each service needs attention ("Needs attention"): a column of its own. */
  reasons?: ReadonlyMap<string, readonly string[]>;
  /** False where the rows come in another order than the platform's (Needs attention: most errors first). */
  sortable?: boolean;
}) {
  const columns = useMemo(() => serviceColumns(ringNames, figures, rollouts, reasons), [ringNames, figures, rollouts, reasons]);

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
          {!services && <SkeletonRows columns={columns.length} width={(j) => (j === 0 ? '70%' : '50%')} />}
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
