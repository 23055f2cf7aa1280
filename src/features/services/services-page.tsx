import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { useWhoami } from '@/data/auth/get-whoami';
import { useRings } from '@/data/rings/get-rings';
import { useWorkspaceMetrics } from '@/data/metrics/get-workspace-metrics';
import { useServiceRollouts } from '@/data/rollouts/get-service-rollouts';
import { useServices } from '@/data/services/get-services';
import { useCapability } from '@/lib/capabilities';
import { can } from '@/lib/permissions';
import type { SearchProps, WorkspaceProps } from '@/lib/route-props';
import { EmptyState, ErrorState, RetryAlert } from '@/ui/states';
import { Page } from '@/ui/page';
import { ServicesPagination } from './services-pagination';
import { toListQuery, type ServicesSearch } from './services-search';
import { ServicesTable, useFigures, useRolloutsById } from './services-table';
import { ServicesToolbar } from './services-toolbar';

// A view of its own, loaded when asked for: the services list's first load stays small.
const NeedsAttention = lazy(() => import('./needs-attention').then((m) => ({ default: m.NeedsAttention })));

export function ServicesPage({ scope, search, onSearchChange }: WorkspaceProps & SearchProps<ServicesSearch>) {
  const me = useWhoami();
  // Metrics and rollouts are our extensions: without metrics, no figure columns; without either, no "Needs attention" (a sentence says so).
  const metricsOff = useCapability('metrics') === 'unavailable';
  const rolloutsOff = useCapability('rollouts') === 'unavailable';
  const attentionOff = metricsOff && rolloutsOff;
  const attention = search.attention && !attentionOff;
  const query = useServices(scope, toListQuery(search), !attention);
  const ids = useMemo(() => query.data?.items.map((s) => s.id) ?? [], [query.data]);
  const metrics = useWorkspaceMetrics(scope, attention ? [] : ids);
  const figures = useFigures(metrics.data);
  // Each row's rollout in progress or aborted: one call for the page, as the figures.
  const rollouts = useServiceRollouts(scope, attention ? [] : ids);
  const rolloutsById = useRolloutsById(rollouts.data);
  const rings = useRings(scope);
  const ringNames = useMemo(() => new Map((rings.data?.items ?? []).map((r) => [r.id, r.name])), [rings.data]);
  const filtered = search.q !== '' || search.status !== 'all' || search.mode !== 'all';
  const canWrite = can(me.role, 'service:write');
  // `execution_mode` is our extension: a platform without it lists every mode, whatever the filter says.
  const modeFilter = useCapability('servicesByMode') !== 'unavailable';

  return (
    <Page
      id="services-title"
      title="Hosted Services"
      subtitle="HTTP services published in this workspace."
      actions={
        canWrite && (
          <Link to="/orgs/$orgId/workspaces/$workspaceId/services/new" params={scope} className="btn btn-primary">
            New Service
          </Link>
        )
      }
    >
      <ServicesToolbar search={search} onSearchChange={onSearchChange} modeFilter={modeFilter} attentionFilter={!attentionOff} />
      {metricsOff && (
        <p className="muted" role="note">
          {attentionOff
            ? 'Metrics are not available on this platform: the list shows no request figures and no “Needs attention”.'
            : 'Metrics are not available on this platform: the list shows no request figures, and “Needs attention” no server errors.'}
        </p>
      )}
      {!modeFilter && search.mode !== 'all' && (
        // A plain note rather than ui/notice: the services list's first load stays as small as it can.
        <p className="notice" role="note">
          This platform does not filter services by execution mode: every mode is listed.{' '}
          <button type="button" className="link-button" onClick={() => onSearchChange({ mode: 'all', page: 1 })}>
            Clear the mode filter
          </button>
        </p>
      )}

      {attention ? (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <NeedsAttention scope={scope} search={search} onSearchChange={onSearchChange} ringNames={ringNames} />
        </Suspense>
      ) : query.isError && !query.data ? (
        <ErrorState title="Services could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data && query.data.items.length === 0 && query.data.invalid.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No services match"
            action={
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => onSearchChange({ q: '', status: 'all', mode: 'all', page: 1 })}
              >
                Clear filters
              </button>
            }
          >
            <p>Nothing matches these filters. Try other words or clear the filters.</p>
          </EmptyState>
        ) : search.page > 1 ? (
          <EmptyState
            title="This page is empty"
            action={
              <button type="button" className="btn btn-secondary" onClick={() => onSearchChange({ page: 1 })}>
                Go to the first page
              </button>
            }
          />
        ) : (
          <EmptyState
            title="No services yet"
            action={
              canWrite && (
                <Link to="/orgs/$orgId/workspaces/$workspaceId/services/new" params={scope} className="btn btn-primary">
                  Create your first service
                </Link>
              )
            }
          >
            <p>A hosted service publishes HTTP endpoints. Create one, add endpoints to its draft version, then publish it.</p>
          </EmptyState>
        )
      ) : (
        <>
          <ServicesTable
            services={query.data?.items}
            invalid={query.data?.invalid}
            ringNames={ringNames}
            sort={search.sort}
            order={search.order}
            onSortChange={(sort, order) => onSearchChange({ sort, order, page: 1 })}
            fetching={query.isFetching}
            figures={metricsOff ? null : figures}
            rollouts={rolloutsOff ? null : rolloutsById}
          />
          {query.data && (
            <ServicesPagination
              total={query.data.total}
              page={search.page}
              size={search.size}
              onChange={(page, size) => onSearchChange({ page, size })}
            />
          )}
          {query.isError && <RetryAlert what="Could not refresh the list" error={query.error} onRetry={() => void query.refetch()} />}
        </>
      )}
    </Page>
  );
}
