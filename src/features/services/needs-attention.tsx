import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWorkspaceMetrics } from '@/data/metrics/get-workspace-metrics';
import { serviceQueryOptions } from '@/data/services/get-service';
import { serviceKeys } from '@/data/services/keys';
import type { WorkspaceMetricsRead } from '@/data/metrics/get-workspace-metrics';
import type { SearchProps, WorkspaceProps } from '@/lib/route-props';
import { EmptyState, ErrorState } from '@/ui/states';
import type { ServicesSearch } from './services-search';
import { ServicesPagination } from './services-pagination';
import { ServicesTable, useFigures } from './services-table';

/**
 * "Needs attention": the services whose versions answered with server errors
 * in the last hour, most errors first — from one `service-metrics` call for the
 * whole workspace; the page's services are read by id (shared with their own pages' cache).
 */
export function NeedsAttention({
  scope,
  search,
  onSearchChange,
  ringNames,
}: WorkspaceProps & SearchProps<ServicesSearch> & { ringNames: Map<string, string> }) {
  const metrics = useWorkspaceMetrics(scope, 'all');
  const flagged = useMemo(() => (metrics.data ? needingAttention(metrics.data) : []), [metrics.data]);
  const figures = useFigures(metrics.data);
  const page = flagged.slice((search.page - 1) * search.size, search.page * search.size).map((f) => f.serviceId);
  const queryClient = useQueryClient();
  // Each record through its own cache entry (a service's page reads it too); one that is gone since is left out.
  const services = useQuery({
    queryKey: [...serviceKeys.all(scope), 'needs-attention', page],
    queryFn: () =>
      Promise.all(page.map((id) => queryClient.fetchQuery(serviceQueryOptions(scope, id)).catch(() => null))).then((records) =>
        records.filter((r) => r !== null),
      ),
    enabled: page.length > 0,
  });
  const rows = services.data ?? [];
  const loading = metrics.isPending || (page.length > 0 && services.isPending);

  if (metrics.isError && !metrics.data) {
    return <ErrorState title="The last hour’s figures could not be loaded" error={metrics.error} onRetry={() => void metrics.refetch()} />;
  }
  if (metrics.data && flagged.length === 0) {
    return (
      <EmptyState
        title="Nothing needs attention"
        action={
          <button type="button" className="btn btn-secondary" onClick={() => onSearchChange({ attention: false, page: 1 })}>
            Show every service
          </button>
        }
      >
        <p>No service answered with server errors (5xx) in the last hour.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="muted attention-note">Services whose versions answered with server errors (5xx) in the last hour, most errors first.</p>
      <ServicesTable
        services={loading ? undefined : rows}
        ringNames={ringNames}
        sort={search.sort}
        order={search.order}
        onSortChange={() => {}}
        sortable={false}
        fetching={metrics.isFetching}
        figures={figures}
      />
      {metrics.data && (
        <ServicesPagination
          total={flagged.length}
          page={search.page}
          size={search.size}
          onChange={(p, size) => onSearchChange({ page: p, size })}
        />
      )}
    </>
  );
}

/**
 * The services that need attention — a version answered with server errors
 * (5xx) in the window — most errors first. Only versions with traffic in the
 * window are in the figures, so these are the versions that serve (or did
 * until moments ago).
 */
export function needingAttention(metrics: NonNullable<WorkspaceMetricsRead>): { serviceId: string; errors5xx: number }[] {
  return metrics.items
    .map((i) => ({ serviceId: i.service_id, errors5xx: i.versions.reduce((n, v) => n + v.totals.errors_5xx, 0) }))
    .filter((s) => s.errors5xx > 0)
    .sort((a, b) => b.errors5xx - a.errors5xx || a.serviceId.localeCompare(b.serviceId));
}
