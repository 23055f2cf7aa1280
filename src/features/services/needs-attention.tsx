import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RolloutRead } from '@/contract/rollouts';
import type { HostedServiceRead } from '@/contract/services';
import { useWorkspaceMetrics } from '@/data/metrics/get-workspace-metrics';
import type { WorkspaceMetricsRead } from '@/data/metrics/get-workspace-metrics';
import { useServiceRollouts, type ServiceRolloutsRead } from '@/data/rollouts/get-service-rollouts';
import { finishedBy, isInconclusive, isRecent, pausedBy } from '@/data/rollouts/rollout-state';
import { allServicesQueryOptions } from '@/data/services/get-all-services';
import { serviceQueryOptions } from '@/data/services/get-service';
import { serviceKeys } from '@/data/services/keys';
import { formatCount } from '@/lib/format';
import type { SearchProps, WorkspaceProps } from '@/lib/route-props';
import { EmptyState, ErrorState } from '@/ui/states';
import type { ServicesSearch } from './services-search';
import { ServicesPagination } from './services-pagination';
import { ServicesTable, useFigures, useRolloutsById } from './services-table';
import { serverNow } from '@/lib/server-clock';

/**
 * "Needs attention": the services a person should look at now — a rollout the
 * analysis aborted or paused (inconclusive), or a person aborted, in the last
 * day; a deploy that failed; versions that answered with server errors in the
 * last hour — rollouts and deploys first, then most errors first. From one
 * `service-rollouts` and one `service-metrics` call for the whole workspace, and
 * the workspace's published services (the list does not filter by deployment
 * state); the page's services are read by id (shared with their own pages' cache).
 */
export function NeedsAttention({
  scope,
  search,
  onSearchChange,
  ringNames,
}: WorkspaceProps & SearchProps<ServicesSearch> & { ringNames: Map<string, string> }) {
  const metrics = useWorkspaceMetrics(scope, 'all');
  const rollouts = useServiceRollouts(scope, 'all');
  const published = useQuery(allServicesQueryOptions(scope, 'active'));
  const sources = [metrics, rollouts, published];
  const read = sources.every((s) => s.data !== undefined || s.isError);
  const flagged = useMemo(
    () =>
      read
        ? needingAttention({ metrics: metrics.data ?? null, rollouts: rollouts.data ?? null, services: published.data?.items ?? [] })
        : [],
    [read, metrics.data, rollouts.data, published.data],
  );
  const figures = useFigures(metrics.data);
  const rolloutsById = useRolloutsById(rollouts.data);
  const reasons = useMemo(() => new Map(flagged.map((f) => [f.serviceId, f.reasons])), [flagged]);
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
  const loading = !read || (page.length > 0 && services.isPending);
  const failed = sources.find((s) => s.isError && s.data === undefined);

  if (read && failed && flagged.length === 0) {
    return (
      <ErrorState
        title="What needs attention could not be loaded"
        error={failed.error}
        onRetry={() => sources.forEach((s) => s.isError && void s.refetch())}
      />
    );
  }
  if (read && flagged.length === 0) {
    return (
      <EmptyState
        title="Nothing needs attention"
        action={
          <button type="button" className="btn btn-secondary" onClick={() => onSearchChange({ attention: false, page: 1 })}>
            Show every service
          </button>
        }
      >
        <p>
          No rollout was aborted or paused by its analysis in the last day, no deploy failed, and no service answered with server errors
          (5xx) in the last hour.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="muted attention-note">
        Services with a rollout aborted or paused by its analysis, a failed deploy, or server errors (5xx) in the last hour: rollouts and
        deploys first, the latest first, then most errors first.
      </p>
      {failed && (
        <p className="form-alert" role="alert">
          Part of what needs attention could not be loaded: {failed.error?.message}
        </p>
      )}
      <ServicesTable
        services={loading ? undefined : rows}
        ringNames={ringNames}
        sort={search.sort}
        order={search.order}
        onSortChange={() => {}}
        sortable={false}
        fetching={sources.some((s) => s.isFetching)}
        figures={metrics.data === null ? null : figures}
        rollouts={rollouts.data === null ? null : rolloutsById}
        reasons={reasons}
      />
      {read && (
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
 * Why a service needs attention, and how urgent it is: a rollout or deploy
 * problem first, the latest first (`at`), then its server errors, most first.
 */
export type Flagged = { serviceId: string; reasons: string[]; errors5xx: number; urgent: boolean; at: string | null };

/**
 * The services that need attention: a rollout aborted in the last day, or
 * paused by its analysis (inconclusive: a person must decide); a failed
 * deploy; a version that answered with server errors (5xx) in the last hour
 * (only versions with traffic in the window are in the figures, so these are
 * the versions that serve, or did until moments ago). Null sources are
 * platforms without them.
 */
export function needingAttention(
  {
    metrics,
    rollouts,
    services,
  }: {
    metrics: WorkspaceMetricsRead | null;
    rollouts: ServiceRolloutsRead | null;
    services: readonly Pick<HostedServiceRead, 'id' | 'deployment_state' | 'updated_at'>[];
  },
  now = serverNow(),
): Flagged[] {
  const flagged = new Map<string, Flagged>();
  const flag = (serviceId: string) => {
    const f = flagged.get(serviceId) ?? { serviceId, reasons: [], errors5xx: 0, urgent: false, at: null };
    flagged.set(serviceId, f);
    return f;
  };
  const urgent = (serviceId: string, why: string, at: string | null) => {
    const f = flag(serviceId);
    f.urgent = true;
    f.reasons.push(why);
    if (at !== null && (f.at === null || at > f.at)) f.at = at;
  };
  for (const { service_id, rollout } of rollouts?.items ?? []) {
    const trouble = rolloutTrouble(rollout, now);
    if (trouble) urgent(service_id, trouble.why, trouble.at);
  }
  for (const s of services) if (s.deployment_state === 'failed') urgent(s.id, 'Its last deploy failed', s.updated_at);
  for (const item of metrics?.items ?? []) {
    const errors5xx = item.versions.reduce((n, v) => n + v.totals.errors_5xx, 0);
    if (errors5xx === 0) continue;
    const f = flag(item.service_id);
    f.errors5xx = errors5xx;
    f.reasons.push(`${formatCount(errors5xx)} server error${errors5xx === 1 ? '' : 's'} (5xx) in the last hour`);
  }
  return [...flagged.values()].sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) ||
      (b.at ?? '').localeCompare(a.at ?? '') ||
      b.errors5xx - a.errors5xx ||
      a.serviceId.localeCompare(b.serviceId),
  );
}

/** A rollout that needs a person — aborted in the last day, or paused by its analysis — in words, and when. Null: it does not. */
function rolloutTrouble(r: RolloutRead, now: number): { why: string; at: string | null } | null {
  if (r.status === 'aborted' && isRecent(r, now)) {
    const e = finishedBy(r, 'aborted');
    const where = e ? ` at step ${e.step_index + 1}` : '';
    return { why: `Rollout aborted${where}${e?.reason ? `: ${e.reason}` : ''}`, at: e?.at ?? r.finished_at };
  }
  if (isInconclusive(r)) {
    const e = pausedBy(r)!;
    return { why: `Rollout paused at step ${e.step_index + 1}, inconclusive${e.reason ? `: ${e.reason}` : ''}`, at: e.at };
  }
  return null;
}
