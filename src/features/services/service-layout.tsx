import { Link, Outlet } from '@tanstack/react-router';
import { useService } from '@/data/services/get-service';
import type { ServiceProps } from '@/lib/route-props';
import { useActiveTabInView } from '@/ui/use-active-tab-in-view';
import { Page } from '@/ui/page';
import { DeploymentStateBadge, ExecutionModeLabel, ServiceStatusBadge } from './service-status';

const BASE = '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId';

/**
 * The service's sections, in the order a service's life goes: define, ship,
 * run, integrate, configure. Deployment and Credentials mean something only
 * for persistent services (a container, deployed into a cloud project), so an
 * invocation service does not show them; a link to them still lands on a page
 * that says why in one sentence. Test calls published versions through the
 * gateway, so it shows once a version is published (its page says why before);
 * Metrics too, since it describes how published versions answer. Logs lists
 * every call the gateway answered, refused ones included, so it is always there.
 */
const TABS = [
  { to: BASE, label: 'Overview' },
  { to: `${BASE}/versions`, label: 'Versions' },
  { to: `${BASE}/traffic`, label: 'Traffic' },
  { to: `${BASE}/metrics`, label: 'Metrics', publishedOnly: true },
  { to: `${BASE}/logs`, label: 'Logs' },
  { to: `${BASE}/test`, label: 'Test', publishedOnly: true },
  { to: `${BASE}/deployment`, label: 'Deployment', persistentOnly: true },
  { to: `${BASE}/bindings`, label: 'Bindings' },
  { to: `${BASE}/credentials`, label: 'Credentials', persistentOnly: true },
  { to: `${BASE}/tokens`, label: 'Tokens' },
  { to: `${BASE}/stubs`, label: 'Stubs' },
  { to: `${BASE}/settings`, label: 'Settings' },
] as const;

/** A service's header and its tabs; each tab is a route, so it can be linked to. */
export function ServiceLayout({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  const params = { ...scope, serviceId };
  const tabs = useActiveTabInView<HTMLElement>();
  return (
    <Page
      id="service-title"
      title={service.name}
      subtitle={
        <>
          <span className="mono">{service.slug}</span> · <ExecutionModeLabel mode={service.execution_mode} /> ·{' '}
          <ServiceStatusBadge status={service.status} />
          {service.deployment_state && (
            <>
              {' '}
              <DeploymentStateBadge state={service.deployment_state} />
            </>
          )}
        </>
      }
    >
      <nav ref={tabs} className="tabs" aria-label="Service sections">
        {TABS.filter(
          (tab) =>
            (!('persistentOnly' in tab) || service.execution_mode === 'persistent') &&
            (!('publishedOnly' in tab) || service.active_version !== null),
        ).map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            params={params}
            activeOptions={{ exact: tab.to === BASE }}
            className="tab"
            activeProps={{ 'aria-current': 'page' }}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <Outlet />
    </Page>
  );
}
