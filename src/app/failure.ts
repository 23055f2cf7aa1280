import { isNotFound } from '@tanstack/react-router';
import { ApiError } from '@/lib/api-error';
import { isExtensionUnavailable } from '@/lib/capabilities';
import type { FailedMatch } from './failed-match';

const WORKSPACE_ROUTE = '/_authed/orgs/$orgId/workspaces/$workspaceId';
const SERVICE_ROUTE = `${WORKSPACE_ROUTE}/services/$serviceId`;

/** What a loader's `notFound({ data })` says is missing (the workspace route, a version's route). */
export type Missing = 'workspace' | 'service' | 'version' | 'instance';

export type Failure = {
  kind: 'not-found' | 'forbidden' | 'throttled' | 'failed';
  heading: string;
  message: string;
  /** Inside a service's tabs the service's name is the page's h1, so the failure is a section (h2) of it. */
  level: 1 | 2;
  /** The way back when it is not the workspace's services: the area the missing thing was in. */
  back?: 'connectors';
};

const NOT_FOUND: Record<Missing | 'page', Pick<Failure, 'heading' | 'message' | 'back'>> = {
  page: { heading: 'Page not found', message: 'There is no page at this address. The link may be mistyped or out of date.' },
  workspace: { heading: 'Workspace not found', message: 'This organization or workspace does not exist, or your account cannot see it.' },
  service: {
    heading: 'Service not found',
    message: 'There is no such service in this workspace. It may have been deleted, or the link may be out of date.',
  },
  version: {
    heading: 'Version not found',
    message: 'This service has no such version. It may have been deleted, or the link may be out of date.',
  },
  instance: {
    heading: 'Connector instance not found',
    message: 'There is no such connector instance in this workspace. It may have been deleted, or the link may be out of date.',
    back: 'connectors',
  },
};

function missingAt(routeId: string): Missing | 'page' {
  if (routeId === WORKSPACE_ROUTE) return 'workspace';
  if (routeId === SERVICE_ROUTE) return 'service';
  if (routeId === `${SERVICE_ROUTE}/versions/$versionId`) return 'version';
  if (routeId === `${WORKSPACE_ROUTE}/connectors/$connectorId/instances/$instanceId`) return 'instance';
  return 'page';
}

/** A failed or not-found route, as the page (and its title) describes it. */
export function describeFailure(match: FailedMatch): Failure {
  const { error, routeId } = match;
  // A failed route replaces its own component; a path nothing matched is shown in the Outlet of the route that matched last.
  const inServiceLayout = routeId.startsWith(`${SERVICE_ROUTE}/`) || (match._notFound === true && routeId === SERVICE_ROUTE);
  const level = inServiceLayout ? 2 : 1;
  if (match._notFound) return { kind: 'not-found', level, ...NOT_FOUND.page };
  if (isNotFound(error)) {
    const missing = (error.data as { missing?: Missing } | undefined)?.missing ?? missingAt(match.routeId);
    return { kind: 'not-found', level, ...NOT_FOUND[missing] };
  }
  if (error instanceof ApiError && error.status === 404) return { kind: 'not-found', level, ...NOT_FOUND[missingAt(match.routeId)] };
  if (error instanceof ApiError && error.status === 403)
    return { kind: 'forbidden', level, heading: 'You do not have access to this', message: error.message };
  if (error instanceof ApiError && error.status === 429)
    return { kind: 'throttled', level, heading: 'Too many requests', message: error.message };
  // An extension the platform does not have: pages show their own state; one that reaches here says so, never "not found".
  if (isExtensionUnavailable(error)) return { kind: 'failed', level, heading: 'Not available on this platform', message: error.message };
  return {
    kind: 'failed',
    level,
    heading: 'This page could not be loaded',
    message: error instanceof Error ? error.message : 'Something went wrong.',
  };
}
