import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useRings } from '@/data/rings/get-rings';
import { useService } from '@/data/services/get-service';
import type { ServiceProps } from '@/lib/route-props';
import { DateDetail } from '@/ui/date-detail';
import { Detail } from '@/ui/details';
import { RingLabel } from './ring-label';
import { GatewayUrls } from './gateway-urls';
import { DeploymentStateBadge, ExecutionModeLabel, ServiceStatusBadge } from './service-status';

/**
 * The service's facts; `traffic` (the split while versions share it), `health` (the last hour's figures) and
 * `activity` (the timeline), other features', are shown with them.
 */
export function ServiceOverview({
  scope,
  serviceId,
  traffic,
  health,
  activity,
}: ServiceProps & { traffic?: ReactNode; health?: ReactNode; activity?: ReactNode }) {
  const service = useService(scope, serviceId);
  const rings = useRings(scope);
  const ring = rings.data?.items.find((r) => r.id === service.ring_id);
  return (
    <div className="stack">
      <dl className="card details" aria-label="Service overview">
        <Detail term="Name">{service.name}</Detail>
        <Detail term="Slug" mono>
          {service.slug}
        </Detail>
        <Detail term="Execution mode">
          <ExecutionModeLabel mode={service.execution_mode} />
        </Detail>
        <Detail term="Status">
          <ServiceStatusBadge status={service.status} />
          {service.deployment_state && (
            <>
              {' '}
              <DeploymentStateBadge state={service.deployment_state} />
            </>
          )}
        </Detail>
        <Detail term="Ring">
          <RingLabel service={service} ringName={ring?.name} pending={rings.isPending} />
        </Detail>
        <Detail term="Current version">
          {service.active_version !== null ? `v${service.active_version} (active)` : <span className="muted">not published yet</span>}
          {service.draft_version !== null && (
            <span className="muted">
              {' '}
              · {/* Where the next step is: its endpoints are edited from the Versions tab. */}
              <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions" params={{ ...scope, serviceId }}>
                v{service.draft_version} draft
              </Link>
            </span>
          )}
        </Detail>
        <DateDetail term="Created" iso={service.created_at} />
        <DateDetail term="Updated" iso={service.updated_at} />
        <Detail term="Description" wide>
          {service.description ?? <span className="muted">No description.</span>}
        </Detail>
      </dl>
      {traffic}
      {health}
      {service.execution_mode === 'persistent' && (
        <dl className="card details" aria-label="Persistent settings">
          <Detail term="Replicas">
            {service.min_replicas}–{service.max_replicas}
          </Detail>
          <Detail term="Concurrency per replica">{service.concurrency_per_replica}</Detail>
          <Detail term="Scale threshold">{service.scale_threshold ?? 'auto'}</Detail>
          <Detail term="Startup timeout">
            {service.startup_timeout_seconds !== null ? `${service.startup_timeout_seconds} s` : 'platform default'}
          </Detail>
          <Detail term="Base image" mono>
            {service.base_image ?? 'platform default'}
          </Detail>
          <Detail term="System packages" mono>
            {service.system_packages.length ? service.system_packages.join(', ') : 'none'}
          </Detail>
        </dl>
      )}
      <GatewayUrls scope={scope} serviceId={serviceId} />
      {activity}
    </div>
  );
}
