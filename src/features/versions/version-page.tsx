import './versions.css';
import { useQuery } from '@tanstack/react-query';
import { notFound } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { toast } from 'sonner';
import type { EndpointRead, ServiceVersionRead } from '@/contract/versions';
import { useWhoami } from '@/data/auth/get-whoami';
import { useDeleteEndpoint } from '@/data/versions/delete-endpoint';
import { endpointsQueryOptions, useEndpointPage } from '@/data/versions/get-endpoints';
import { useVersions } from '@/data/versions/get-versions';
import { formatDateTime } from '@/lib/format';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { Notice } from '@/ui/notice';
import { InvalidListItems } from '@/ui/invalid-rows';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { EndpointCard } from './endpoint-card';
import { NewVersionAction } from './new-version';
import { PublishDialog } from './publish-dialog';
import { VersionStatusBadge } from './version-status';
import { TableHead } from '@/ui/table-head';

/** The endpoint editor, with the schema checks it brings (the pattern rule and its parser), loads when first opened. */
const EndpointDialog = lazy(() => import('./endpoint-dialog').then((m) => ({ default: m.EndpointDialog })));

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
          <p className="muted version-meta">
            {/* Times and traffic are our decisions: what the platform does not say is said to be unknown. */}
            Created {version.created_at ? formatDateTime(version.created_at) : 'at a time not given'}
            {version.published_at && <> · published {formatDateTime(version.published_at)}</>} ·{' '}
            {version.traffic_percent === null ? 'traffic not given' : `${version.traffic_percent}% of traffic`}
          </p>
        </div>
      </div>
      {version.status === 'draft' ? (
        <DraftEditor scope={scope} serviceId={serviceId} version={version} versions={versions} />
      ) : (
        <PublishedVersion scope={scope} serviceId={serviceId} version={version} versions={versions} />
      )}
    </div>
  );
}

function DraftEditor({
  scope,
  serviceId,
  version,
  versions,
}: ServiceProps & { version: ServiceVersionRead; versions: ServiceVersionRead[] }) {
  const page = useEndpointPage(scope, serviceId, version.id);
  const endpoints = page.items;
  const me = useWhoami();
  const denied = roleReason(me.role, 'service:write');
  // One dialog at a time: which one, and for which endpoint.
  const [dialog, setDialog] = useState<
    { kind: 'endpoint'; endpoint: EndpointRead | null } | { kind: 'delete'; endpoint: EndpointRead } | { kind: 'publish' } | null
  >(null);
  const close = () => setDialog(null);
  const removing = dialog?.kind === 'delete' ? dialog.endpoint : null;
  const remove = useDeleteEndpoint(scope, serviceId, version.id);
  const publishReason = denied ?? (endpoints.length === 0 ? 'Add at least one endpoint before publishing.' : null);
  // Mounted from its first opening on, so that closing it plays out as before.
  const [editorOpened, setEditorOpened] = useState(false);
  if (dialog?.kind === 'endpoint' && !editorOpened) setEditorOpened(true);

  return (
    <>
      <div className="section-header">
        <p className="muted version-note">A draft: add, edit and remove endpoints, then publish. Publishing is irreversible.</p>
        <div className="button-row">
          {!denied && <Button onClick={() => setDialog({ kind: 'endpoint', endpoint: null })}>Add endpoint</Button>}
          <div className="with-reason">
            <Button
              variant="primary"
              disabled={!!publishReason}
              onClick={() => setDialog({ kind: 'publish' })}
              aria-describedby={publishReason ? 'publish-reason' : undefined}
            >
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
      {page.otherVersion && (
        <Notice>
          The platform answered with another version’s endpoints: it does not list a chosen version’s endpoints (
          <span className="mono">?version_id=</span>). What is shown below may not be this draft’s.
        </Notice>
      )}
      {endpoints.length === 0 && page.invalid.length === 0 ? (
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
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete ${e.method} ${e.path}`}
                    onClick={() => setDialog({ kind: 'delete', endpoint: e })}
                  >
                    Delete
                  </Button>
                </span>
              )}
            </EndpointCard>
          ))}
          <InvalidListItems rows={page.invalid} noun="Endpoint" />
        </ul>
      )}
      {editorOpened && (
        <Suspense fallback={null}>
          <EndpointDialog
            scope={scope}
            serviceId={serviceId}
            draftId={version.id}
            endpoint={dialog?.kind === 'endpoint' ? dialog.endpoint : null}
            open={dialog?.kind === 'endpoint'}
            onOpenChange={(open) => !open && close()}
          />
        </Suspense>
      )}
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
        <PublishDialog
          scope={scope}
          serviceId={serviceId}
          draft={version}
          endpoints={endpoints}
          versions={versions}
          open
          onOpenChange={(open) => !open && close()}
        />
      )}
    </>
  );
}

function PublishedVersion({
  scope,
  serviceId,
  version,
  versions,
}: ServiceProps & { version: ServiceVersionRead; versions: ServiceVersionRead[] }) {
  const tools = version.skill_snapshot?.tools ?? [];
  return (
    <>
      {/* Where to go from a frozen version, beside the reason it is frozen: as Cloud Run's "Edit & deploy new revision". */}
      <div className="section-header">
        <p className="muted version-note" role="note">
          Published versions are immutable. To change endpoints, create a new version: its draft starts from the live endpoints.
        </p>
        <NewVersionAction scope={scope} serviceId={serviceId} versions={versions} />
      </div>
      <section aria-labelledby="snapshot-title" className="stack version-section">
        <h3 id="snapshot-title">Endpoint snapshot</h3>
        {version.endpoint_snapshot ? (
          <ul className="endpoint-list" aria-label="Endpoint snapshot">
            {version.endpoint_snapshot.map((e) => (
              <EndpointCard key={`${e.method} ${e.path}`} endpoint={e} />
            ))}
          </ul>
        ) : (
          <EndpointsOfVersion scope={scope} serviceId={serviceId} version={version} />
        )}
      </section>
      <section aria-labelledby="skills-title" className="stack version-section">
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

/**
 * A published version the platform sent without its `endpoint_snapshot`: its
 * endpoints from `GET …/endpoints?version_id=` (our extension), shown only when
 * every row says it belongs to this version — a platform that ignores the
 * parameter answers with another version's.
 */
function EndpointsOfVersion({ scope, serviceId, version }: ServiceProps & { version: ServiceVersionRead }) {
  const query = useQuery(endpointsQueryOptions(scope, serviceId, version.id));
  if (query.isPending) return <Skeleton height="4rem" />;
  if (query.isError)
    return <ErrorState title="The endpoints could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  const { items, invalid, otherVersion } = query.data;
  if (otherVersion || items.some((e) => e.version_id !== version.id)) {
    return (
      <Unavailable capability="endpointsByVersion" title={`Version ${version.version}’s endpoints are not available on this platform`}>
        <p>
          The platform sent this version without its endpoint snapshot, and does not list a chosen version’s endpoints: it answers with
          another version’s.
        </p>
      </Unavailable>
    );
  }
  return (
    <ul className="endpoint-list" aria-label="Endpoint snapshot">
      {items.map((e) => (
        <EndpointCard key={e.id} endpoint={e} />
      ))}
      <InvalidListItems rows={invalid} noun="Endpoint" />
    </ul>
  );
}
