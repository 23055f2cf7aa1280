import './versions.css';
import { Link, useNavigate } from '@tanstack/react-router';
import { toast } from 'sonner';
import { useWhoami } from '@/data/auth/get-whoami';
import { useCreateVersion } from '@/data/versions/create-version';
import { useVersionPage, useVersionsPage } from '@/data/versions/get-versions';
import { useIdempotencyKey } from '@/lib/idempotency';
import { toPageQuery, type ListSearch } from '@/lib/list-search';
import { roleReason } from '@/lib/permissions';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { DateTime } from '@/ui/date-time';
import { InvalidTableRows } from '@/ui/invalid-rows';
import { SearchedPagedList } from '@/ui/paged-list';
import { EmptyState } from '@/ui/states';
import { VersionLifecycle } from './version-lifecycle';
import { VersionStatusBadge } from './version-status';
import { TableHead } from '@/ui/table-head';

/**
 * The Versions tab: the lifecycle of every version, and the versions a page at
 * a time, newest first, searched by number (`v3`) or by an endpoint (`/refunds`).
 */
export function VersionsPage({ scope, serviceId, search, onSearchChange }: ServiceProps & SearchProps<ListSearch>) {
  // Every version (the route's loader read them): the lifecycle, and whether a draft exists.
  const { items: versions } = useVersionPage(scope, serviceId);
  const page = useVersionsPage(scope, serviceId, toPageQuery(search));
  // A share the platform left out, as far as the whole list tells it (a lone serving version serves all).
  const trafficOf = new Map(versions.map((v) => [v.id, v.traffic_percent]));
  const me = useWhoami();
  const create = useCreateVersion(scope, serviceId);
  const idempotency = useIdempotencyKey();
  const navigate = useNavigate();
  const draft = versions.find((v) => v.status === 'draft');
  const denied = roleReason(me.role, 'service:write');
  const disabledReason = denied ?? (draft ? `Version ${draft.version} is already a draft: edit or publish it first.` : null);

  const newVersion = () =>
    create.mutate(idempotency.keyFor('new-version'), {
      // The draft is where the work goes on: open it.
      onSuccess: (v) => {
        idempotency.reset();
        toast.success(`Version ${v.version} created as a draft`);
        void navigate({
          to: '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/$versionId',
          params: { ...scope, serviceId, versionId: v.id },
        });
      },
      onError: (e) => toast.error(`Could not create a version: ${e.message}`),
    });

  return (
    <div className="stack">
      <div className="section-header">
        <h2>Versions</h2>
        <div className="with-reason">
          <Button
            variant="primary"
            onClick={newVersion}
            pending={create.isPending}
            disabled={!!disabledReason}
            aria-describedby={disabledReason ? 'new-version-reason' : undefined}
          >
            New version
          </Button>
          {disabledReason && (
            <p id="new-version-reason" className="field-hint">
              {disabledReason}
            </p>
          )}
        </div>
      </div>
      <VersionLifecycle versions={versions} />
      <SearchedPagedList
        placeholder="Search by number (v3) or endpoint (/refunds)"
        query={page}
        search={search}
        onSearchChange={onSearchChange}
        noun="versions"
        empty={<EmptyState title="No versions yet" />}
      >
        {({ items, invalid }) => (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Versions of this service, newest first</caption>
              <TableHead columns={['Version', 'Status', 'Traffic', 'Endpoints', 'Created', 'Published']} />
              <tbody>
                {items.map((v) => {
                  const traffic = v.traffic_percent ?? trafficOf.get(v.id) ?? null;
                  return (
                    <tr key={v.id}>
                      <td>
                        <Link
                          to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/$versionId"
                          params={{ ...scope, serviceId, versionId: v.id }}
                          className="row-link"
                        >
                          Version {v.version}
                        </Link>
                      </td>
                      <td>
                        <VersionStatusBadge status={v.status} />
                      </td>
                      <td>
                        {traffic === null ? (
                          <span className="muted">not given</span>
                        ) : (
                          <span className="traffic-cell">
                            <span className="traffic-mini" aria-hidden="true">
                              <span style={{ width: `${traffic}%` }} />
                            </span>
                            {traffic}%
                          </span>
                        )}
                      </td>
                      <td>
                        {v.endpoint_snapshot ? (
                          v.endpoint_snapshot.length
                        ) : (
                          <span className="muted">{v.status === 'draft' ? 'editing' : '—'}</span>
                        )}
                      </td>
                      <td>
                        <DateTime iso={v.created_at} />
                      </td>
                      <td>
                        <DateTime iso={v.published_at} />
                      </td>
                    </tr>
                  );
                })}
                <InvalidTableRows rows={invalid} columns={6} noun="Version" />
              </tbody>
            </table>
          </div>
        )}
      </SearchedPagedList>
    </div>
  );
}
