import { Link, Outlet } from '@tanstack/react-router';
import { useScope } from '@/hooks/use-scope';
import { useServiceId } from '@/hooks/use-service-id';
import { useHostedService as useService } from '@/api/get-service';
import { DeploymentStateBadge, ExecutionModeLabel, ServiceStatusBadge } from './service-status';

/** A service's header and its tabs; each tab is a route, so it can be linked to. */
export function ServiceLayout() {
  const scope = useScope();
  const serviceId = useServiceId();
  const service = useService(scope, serviceId);
  const params = { ...scope, serviceId };
  return (
    <section className="page" aria-labelledby="service-title">
      <header className="page-header">
        <div>
          <h1 id="service-title">{service.name}</h1>
          <p className="page-subtitle">
            <span className="mono">{service.slug}</span> · <ExecutionModeLabel mode={service.execution_mode} /> ·{' '}
            <ServiceStatusBadge status={service.status} />
            {service.deployment_state && <> <DeploymentStateBadge state={service.deployment_state} /></>}
          </p>
        </div>
      </header>
      <nav className="tabs" aria-label="Service sections">
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId" params={params} activeOptions={{ exact: true }} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Overview
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Versions
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/traffic" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Traffic
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/deployment" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Deployment
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/bindings" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Bindings
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/credentials" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Credentials
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/tokens" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Tokens
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/stubs" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Stubs
        </Link>
        <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/settings" params={params} className="tab" activeProps={{ 'aria-current': 'page' }}>
          Settings
        </Link>
      </nav>
      <Outlet />
    </section>
  );
}
