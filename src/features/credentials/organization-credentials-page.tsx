import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { OrganizationCredentialsRead } from '@/contract/credentials';
import { useWhoami } from '@/data/auth/get-whoami';
import { useOrganizationCredentials } from '@/data/credentials/get-organization-credentials';
import { useSaveOrganizationCredentials } from '@/data/credentials/save-organization-credentials';
import { useServices } from '@/data/services/get-services';
import { ApiError } from '@/lib/api-error';
import { can } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';
import { CardSkeleton, Skeleton } from '@/ui/skeleton';
import { Field } from '@/ui/field';
import { EmptyState, ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { Page } from '@/ui/page';
import { CloudCredentialsForm } from './cloud-credentials-form';
import { CloudCredentialsSummary } from './cloud-credentials-summary';

const REFUSAL = 'Only admins manage organization credentials';

/** The organization's cloud credentials (admins only): shared by every service that has none of its own. */
export function OrganizationCredentialsPage({ scope }: WorkspaceProps) {
  const me = useWhoami();
  const admin = can(me.role, 'org-credentials:write');
  const query = useOrganizationCredentials(scope.orgId, admin);

  let body: React.ReactNode;
  if (!admin) {
    body = (
      <EmptyState title={REFUSAL}>
        <p>Your role ({me.role}) cannot see or change them. Each service’s Credentials tab shows which credentials it deploys with.</p>
      </EmptyState>
    );
  } else if (query.isPending) {
    body = <CardSkeleton label="Loading organization credentials" />;
  } else if (query.isError) {
    body =
      query.error instanceof ApiError && query.error.status === 403 ? (
        <EmptyState title={REFUSAL}>
          <p>The platform refused: {query.error.message}</p>
        </EmptyState>
      ) : (
        <ErrorState title="Could not load the organization’s credentials" error={query.error} onRetry={() => void query.refetch()} />
      );
  } else if (!query.data.available) {
    body = <WriteThroughService scope={scope} />;
  } else {
    body = <OrganizationCredentialsCards scope={scope} record={query.data.data} />;
  }

  return (
    <Page
      id="org-credentials-title"
      title="Cloud credentials"
      subtitle="The organization’s credentials, shared by every persistent service that has none of its own."
    >
      {body}
    </Page>
  );
}

function OrganizationCredentialsCards({ scope, record }: WorkspaceProps & { record: OrganizationCredentialsRead }) {
  const save = useSaveOrganizationCredentials(scope.orgId);
  const current = record.credentials;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="org-current-title">
        <h2 id="org-current-title">Organization credentials</h2>
        {current ? (
          <CloudCredentialsSummary info={current} label="Organization credentials" />
        ) : (
          <p className="form-alert">None set: services without their own credentials cannot deploy.</p>
        )}
      </section>
      <CloudCredentialsForm
        key={current?.fingerprint ?? 'none'}
        owner="organization"
        current={current}
        save={save}
        subtitle="Services that set their own credentials keep using theirs."
      />
      <section className="card" aria-labelledby="overriding-title">
        <h2 id="overriding-title">Services that override them</h2>
        {!record.overriding_services?.length ? (
          <p className="muted">None: every service uses the organization’s credentials.</p>
        ) : (
          <ul className="overriding-list">
            {record.overriding_services.map((s) => (
              <li key={s.id}>
                <Link
                  to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/credentials"
                  params={{ orgId: scope.orgId, workspaceId: s.workspace_id, serviceId: s.id }}
                >
                  {s.name}
                </Link>
                <span className="mono muted">{s.slug}</span>
                <span className="muted">
                  project <span className="mono">{s.cloud_project_id}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/**
 * On a platform without our organization record (`GET|PUT /orgs/{org_id}/cloud-credentials`):
 * the documented write, `PUT …/hosted-services/{id}/credentials` (seed 000),
 * sets the organization's credentials through any one of its services.
 */
function WriteThroughService({ scope }: WorkspaceProps) {
  const services = useServices(scope, { limit: 100, offset: 0, sort: 'name', order: 'asc' });
  const [picked, setPicked] = useState('');
  const list = services.data?.items ?? [];
  const serviceId = list.some((s) => s.id === picked) ? picked : (list[0]?.id ?? '');
  const save = useSaveOrganizationCredentials(scope.orgId, { via: 'service', scope, serviceId });

  return (
    <div className="stack">
      <Unavailable capability="organizationCredentials" level={2} title="The organization’s credentials cannot be read on this platform">
        <p>
          The console cannot show which credentials the organization has, nor which services override them. They can still be set: the
          platform’s documented call writes the organization’s credentials through one of its services, and every service without
          credentials of its own uses them.
        </p>
      </Unavailable>
      {services.isPending ? (
        <div className="card" aria-busy="true" aria-label="Loading services">
          <Skeleton height="2.5rem" />
        </div>
      ) : services.isError ? (
        <ErrorState title="Services could not be loaded" error={services.error} onRetry={() => void services.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title="No service to write through">
          <p>
            The documented call goes through a service. Create a service in this workspace first, then set the organization’s credentials
            here.
          </p>
        </EmptyState>
      ) : (
        <>
          <section className="card" aria-labelledby="write-through-title">
            <h2 id="write-through-title" className="card-heading">
              Service to write through
            </h2>
            <Field
              label="Service"
              hint={
                <>
                  The documented call is <span className="mono">PUT …/hosted-services/{'{id}'}/credentials</span>. The credentials are the
                  organization’s whichever service carries the call; services that set their own keep using theirs.
                </>
              }
            >
              <select className="select" value={serviceId} onChange={(e) => setPicked(e.target.value)}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.slug})
                  </option>
                ))}
              </select>
            </Field>
          </section>
          <CloudCredentialsForm
            key={serviceId}
            owner="organization"
            current={null}
            save={save}
            subtitle="Sets or replaces the organization’s credentials. The secret is sent once and never shown again."
          />
        </>
      )}
    </div>
  );
}
