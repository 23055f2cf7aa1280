import './versions.css';
import { Link } from '@tanstack/react-router';
import { useVersionPage, useVersionsPage } from '@/data/versions/get-versions';
import { toPageQuery, type ListSearch } from '@/lib/list-search';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { DateTime } from '@/ui/date-time';
import { InvalidTableRows } from '@/ui/invalid-rows';
import { SearchedPagedList } from '@/ui/paged-list';
import { EmptyState } from '@/ui/states';
import { NewVersionAction } from './new-version';
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
  return (
    <div className="stack">
      <div className="section-header">
        <h2>Versions</h2>
        <NewVersionAction scope={scope} serviceId={serviceId} versions={versions} />
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
            <table className="table versions-table">
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
