import { useRings } from '@/data/rings/get-rings';
import { formatDateTime } from '@/lib/format';
import { useService } from '@/data/services/get-service';
import { DeploymentStateBadge, ExecutionModeLabel, ServiceStatusBadge } from './service-status';
import type { ServiceProps } from '@/lib/route-props';

export function ServiceOverview({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  const rings = useRings(scope);
  const ring = rings.data?.items.find((r) => r.id === service.ring_id);
  return (
    <div className="stack">
      <dl className="card details" aria-label="Service overview">
        <div>
          <dt>Name</dt>
          <dd>{service.name}</dd>
        </div>
        <div>
          <dt>Slug</dt>
          <dd className="mono">{service.slug}</dd>
        </div>
        <div>
          <dt>Execution mode</dt>
          <dd>
            <ExecutionModeLabel mode={service.execution_mode} />
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <ServiceStatusBadge status={service.status} />
            {service.deployment_state && <> <DeploymentStateBadge state={service.deployment_state} /></>}
          </dd>
        </div>
        <div>
          <dt>Ring</dt>
          <dd>{service.ring_id ? (ring?.name ?? (rings.isPending ? '…' : 'unknown ring')) : <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Current version</dt>
          <dd>
            {service.active_version !== null ? `v${service.active_version} (active)` : <span className="muted">not published yet</span>}
            {service.draft_version !== null && <span className="muted"> · v{service.draft_version} draft</span>}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <time dateTime={service.created_at}>{formatDateTime(service.created_at)}</time>
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <time dateTime={service.updated_at}>{formatDateTime(service.updated_at)}</time>
          </dd>
        </div>
        <div className="details-wide">
          <dt>Description</dt>
          <dd>{service.description ?? <span className="muted">No description.</span>}</dd>
        </div>
      </dl>
      {service.execution_mode === 'persistent' && (
        <dl className="card details" aria-label="Persistent settings">
          <div>
            <dt>Replicas</dt>
            <dd>
              {service.min_replicas}–{service.max_replicas}
            </dd>
          </div>
          <div>
            <dt>Concurrency per replica</dt>
            <dd>{service.concurrency_per_replica}</dd>
          </div>
          <div>
            <dt>Scale threshold</dt>
            <dd>{service.scale_threshold ?? 'auto'}</dd>
          </div>
          <div>
            <dt>Startup timeout</dt>
            <dd>{service.startup_timeout_seconds !== null ? `${service.startup_timeout_seconds} s` : 'platform default'}</dd>
          </div>
          <div>
            <dt>Base image</dt>
            <dd className="mono">{service.base_image ?? 'platform default'}</dd>
          </div>
          <div>
            <dt>System packages</dt>
            <dd className="mono">{service.system_packages.length ? service.system_packages.join(', ') : 'none'}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
