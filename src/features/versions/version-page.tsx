import './versions.css';
import { notFound } from '@tanstack/react-router';
import { useState } from 'react';
import { toast } from 'sonner';
import type { Endpoint, ServiceVersion } from '@/contract/versions';
import { useWhoami } from '@/data/auth/get-whoami';
import { useDeleteEndpoint } from '@/data/versions/delete-endpoint';
import { useEndpoints } from '@/data/versions/get-endpoints';
import { useVersions } from '@/data/versions/get-versions';
import { formatDateTime } from '@/lib/format';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { Notice } from '@/ui/notice';
import { EmptyState } from '@/ui/states';
import { EndpointCard } from './endpoint-card';
import { EndpointDialog } from './endpoint-dialog';
import { PublishDialog } from './publish-dialog';
import { VersionStatusBadge } from './version-status';
import { TableHead } from '@/ui/table-head';

export function VersionPage({ scope, serviceId, versionId }: ServiceProps & { versionId: string }) {
  const versions = useVersions(scope, serviceId);
  const version = versions.find((v) => v.id === versionId);
  if (!version) throw notFound();
  return (
    <div className="stack">
      <div className="section-header">
        <div>
          <h2>
            Version {version.version} <VersionStatusBadge status={version.status} />
          </h2>
          <p className="muted">
            Created {formatDateTime(version.created_at)}
            {version.published_at && <> · published {formatDateTime(version.published_at)}</>} · {version.traffic_percent}% of traffic
          </p>
        </div>
      </div>
      {version.status === 'draft' ? <DraftEditor scope={scope} serviceId={serviceId} version={version} versions={versions} /> : <PublishedVersion version={version} />}
    </div>
  );
}

function DraftEditor({ scope, serviceId, version, versions }: ServiceProps & { version: ServiceVersion; versions: ServiceVersion[] }) {
  const endpoints = useEndpoints(scope, serviceId, version.id);
  const me = useWhoami();
  const denied = roleReason(me.role, 'service:write');
  // One dialog at a time: which one, and for which endpoint.
  const [dialog, setDialog] = useState<{ kind: 'endpoint'; endpoint: Endpoint | null } | { kind: 'delete'; endpoint: Endpoint } | { kind: 'publish' } | null>(null);
  const close = () => setDialog(null);
  const removing = dialog?.kind === 'delete' ? dialog.endpoint : null;
  const remove = useDeleteEndpoint(scope, serviceId, version.id);
  const publishReason = denied ?? (endpoints.length === 0 ? 'Add at least one endpoint before publishing.' : null);

  return (
    <>
      <div className="section-header">
        <p className="muted">A draft: add, edit and remove endpoints, then publish. Publishing is irreversible.</p>
        <div className="button-row">
          {!denied && (
            <Button onClick={() => setDialog({ kind: 'endpoint', endpoint: null })}>Add endpoint</Button>
          )}
          <div className="with-reason">
            <Button variant="primary" disabled={!!publishReason} onClick={() => setDialog({ kind: 'publish' })} aria-describedby={publishReason ? 'publish-reason' : undefined}>
              Publish…
            </Button>
            {publishReason && (
              <p id="publish-reason" className="field-hint">
                {publishReason}
              </p>
            )}
          </div>
        </div>
      </div>
      {endpoints.length === 0 ? (
        <EmptyState title="No endpoints yet">
          <p>An endpoint is a method and a path with a request and a response schema. Add one to publish this version.</p>
        </EmptyState>
      ) : (
        <ul className="endpoint-list" aria-label="Endpoints">
          {endpoints.map((e) => (
            <EndpointCard key={e.id} endpoint={e}>
              {!denied && (
                <span className="button-row">
                  <Button size="sm" aria-label={`Edit ${e.method} ${e.path}`} onClick={() => setDialog({ kind: 'endpoint', endpoint: e })}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={`Delete ${e.method} ${e.path}`} onClick={() => setDialog({ kind: 'delete', endpoint: e })}>
                    Delete
                  </Button>
                </span>
              )}
            </EndpointCard>
          ))}
        </ul>
      )}
      <EndpointDialog
        scope={scope}
        serviceId={serviceId}
        draftId={version.id}
        endpoint={dialog?.kind === 'endpoint' ? dialog.endpoint : null}
        open={dialog?.kind === 'endpoint'}
        onOpenChange={(open) => !open && close()}
      />
      {removing && (
        <ConfirmAction
          state={remove}
          run={() => remove.mutateAsync(removing.id)}
          onDone={() => toast.success(`Endpoint ${removing.method} ${removing.path} deleted`)}
          onClose={close}
          title={`Delete ${removing.method} ${removing.path}?`}
          actionLabel="Delete endpoint"
        >
          <p>The endpoint is removed from this draft. Published versions keep theirs.</p>
        </ConfirmAction>
      )}
      {dialog?.kind === 'publish' && (
        <PublishDialog scope={scope} serviceId={serviceId} draft={version} endpoints={endpoints} versions={versions} open onOpenChange={(open) => !open && close()} />
      )}
    </>
  );
}

function PublishedVersion({ version }: { version: ServiceVersion }) {
  const snapshot = version.endpoint_snapshot ?? [];
  const tools = version.skill_snapshot?.tools ?? [];
  return (
    <>
      <Notice>Published versions are immutable. To change endpoints, create a new version.</Notice>
      <section aria-labelledby="snapshot-title" className="stack">
        <h3 id="snapshot-title">Endpoint snapshot</h3>
        <ul className="endpoint-list" aria-label="Endpoint snapshot">
          {snapshot.map((e) => (
            <EndpointCard key={`${e.method} ${e.path}`} endpoint={e} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="skills-title" className="stack">
        <h3 id="skills-title">Skill snapshot</h3>
        <p className="muted">One tool per endpoint, for agent discovery.</p>
        {tools.length === 0 ? (
          <p className="muted">No tools.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <TableHead columns={['Tool', 'Description', 'Endpoint']} />
              <tbody>
                {tools.map((t) => (
                  <tr key={t.name}>
                    <td className="mono">{t.name}</td>
                    <td>{t.description}</td>
                    <td className="mono">
                      {t.method} {t.path}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
