import { Link } from '@tanstack/react-router';
import type { OrganizationCredentials } from '@/contract/credentials';
import { useWhoami } from '@/data/auth/get-whoami';
import { useOrganizationCredentials } from '@/data/credentials/get-organization-credentials';
import { useSaveOrganizationCredentials } from '@/data/credentials/save-organization-credentials';
import { ApiError } from '@/lib/api-error';
import { can } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
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
    body = (
      <div className="card stack" aria-busy="true" aria-label="Loading organization credentials">
        <Skeleton width="40%" height="1.4rem" />
        <Skeleton height="4rem" />
      </div>
    );
  } else if (query.isError) {
    body =
      query.error instanceof ApiError && query.error.status === 403 ? (
        <EmptyState title={REFUSAL}>
          <p>The platform refused: {query.error.message}</p>
        </EmptyState>
      ) : (
        <ErrorState title="Could not load the organization’s credentials" error={query.error} onRetry={() => void query.refetch()} />
      );
  } else {
    body = <OrganizationCredentialsCards scope={scope} record={query.data} />;
  }

  return (
    <section className="page" aria-labelledby="org-credentials-title">
      <header className="page-header">
        <div>
          <h1 id="org-credentials-title">Cloud credentials</h1>
          <p className="page-subtitle">The organization’s credentials, shared by every persistent service that has none of its own.</p>
        </div>
      </header>
      {body}
    </section>
  );
}

function OrganizationCredentialsCards({ scope, record }: WorkspaceProps & { record: OrganizationCredentials }) {
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
        {record.overriding_services.length === 0 ? (
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
