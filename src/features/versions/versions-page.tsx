import './versions.css';
import { Link, useNavigate } from '@tanstack/react-router';
import { toast } from 'sonner';
import { useWhoami } from '@/data/auth/get-whoami';
import { useCreateVersion } from '@/data/versions/create-version';
import { useVersionPage } from '@/data/versions/get-versions';
import { useIdempotencyKey } from '@/lib/idempotency';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { DateTime } from '@/ui/date-time';
import { InvalidTableRows } from '@/ui/invalid-rows';
import { VersionLifecycle } from './version-lifecycle';
import { VersionStatusBadge } from './version-status';
import { TableHead } from '@/ui/table-head';

export function VersionsPage({ scope, serviceId }: ServiceProps) {
  const { items: versions, invalid } = useVersionPage(scope, serviceId);
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
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Versions of this service</caption>
          <TableHead columns={['Version', 'Status', 'Traffic', 'Endpoints', 'Created', 'Published']} />
          <tbody>
            {versions.map((v) => (
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
                  <span className="traffic-cell">
                    <span className="traffic-mini" aria-hidden="true">
                      <span style={{ width: `${v.traffic_percent}%` }} />
                    </span>
                    {v.traffic_percent}%
                  </span>
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
            ))}
            <InvalidTableRows rows={invalid} columns={6} noun="Version" />
          </tbody>
        </table>
      </div>
    </div>
  );
}
