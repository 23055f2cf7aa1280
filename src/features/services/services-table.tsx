import { Link } from '@tanstack/react-router';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { HostedService } from '@/contract/services';
import { formatDateTime, formatRelative } from '@/lib/format';
import { Skeleton } from '@/ui/skeleton';
import { DeploymentStateBadge, ExecutionModeLabel, ServiceStatusBadge } from './service-status';
import type { ServicesSearch } from './services-search';

const column = createColumnHelper<HostedService>();
const SORTABLE = new Set<string>(['name', 'status', 'created_at', 'updated_at']);

export function ServicesTable({
  services,
  ringNames,
  sort,
  order,
  onSortChange,
  fetching,
}: {
  services: HostedService[] | undefined;
  ringNames: Map<string, string>;
  sort: ServicesSearch['sort'];
  order: ServicesSearch['order'];
  onSortChange: (sort: ServicesSearch['sort'], order: ServicesSearch['order']) => void;
  fetching: boolean;
}) {
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Name',
        cell: ({ row }) => (
          <div className="cell-name">
            <Link
              to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId"
              params={{ orgId: row.original.org_id, workspaceId: row.original.workspace_id, serviceId: row.original.id }}
              className="row-link"
            >
              {row.original.name}
            </Link>
            <span className="mono muted">{row.original.slug}</span>
          </div>
        ),
      }),
      column.accessor('execution_mode', { header: 'Mode', cell: (c) => <ExecutionModeLabel mode={c.getValue()} /> }),
      column.accessor('status', {
        header: 'Status',
        cell: ({ row }) => (
          <span className="badges">
            <ServiceStatusBadge status={row.original.status} />
            {row.original.deployment_state && <DeploymentStateBadge state={row.original.deployment_state} />}
          </span>
        ),
      }),
      column.accessor('ring_id', {
        header: 'Ring',
        cell: (c) => {
          const id = c.getValue();
          return id ? (ringNames.get(id) ?? <span className="muted">unknown</span>) : <span className="muted">—</span>;
        },
      }),
      column.display({
        id: 'version',
        header: 'Version',
        cell: ({ row }) => {
          const s = row.original;
          return (
            <span>
              {s.active_version !== null ? `v${s.active_version} live` : <span className="muted">not published</span>}
              {s.draft_version !== null && <span className="muted"> · v{s.draft_version} draft</span>}
            </span>
          );
        },
      }),
      column.accessor('updated_at', {
        header: 'Updated',
        cell: (c) => <time dateTime={c.getValue()} title={formatDateTime(c.getValue())}>{formatRelative(c.getValue())}</time>,
      }),
      column.accessor('created_at', {
        header: 'Created',
        cell: (c) => <time dateTime={c.getValue()} title={formatDateTime(c.getValue())}>{formatRelative(c.getValue())}</time>,
      }),
    ],
    [ringNames],
  );

  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }];
  const table = useReactTable({
    data: services ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { sorting },
    getRowId: (s) => s.id,
  });

  return (
    <div className="table-wrap" aria-busy={fetching}>
      <table className="table">
        <caption className="visually-hidden">Hosted services</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = SORTABLE.has(header.column.id);
                const active = sort === header.column.id;
                return (
                  <th key={header.id} scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {sortable ? (
                      <button
                        type="button"
                        className="th-sort"
                        onClick={() =>
                          onSortChange(header.column.id as ServicesSearch['sort'], active && order === 'desc' ? 'asc' : 'desc')
                        }
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="sort-arrow">
                          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {services
            ? table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))
            : Array.from({ length: 6 }, (_, i) => (
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
      {!services && <span className="visually-hidden" role="status">Loading services…</span>}
    </div>
  );
}
