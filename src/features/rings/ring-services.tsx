import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import type { Scope } from '@/contract/paths';
import type { RingUser } from '@/data/rings/get-ring-usage';
import { Skeleton } from '@/ui/skeleton';

const SHOWN = 3;

/**
 * The services a ring carries, as far as the console knows, each a link to its Settings tab: where its ring is
 * changed, which is what deleting the ring asks for first.
 */
export function RingServices({
  scope,
  services,
  loading,
  complete,
}: {
  scope: Scope;
  services: RingUser[];
  loading: boolean;
  complete: boolean;
}) {
  if (loading) return <Skeleton width="6rem" />;
  if (services.length === 0) return <span className="muted">{complete ? 'No services' : 'No services among the first 100'}</span>;
  const more = services.length - SHOWN;
  return (
    <span className="ring-users">
      <span className="visually-hidden">In use by </span>
      {services.slice(0, SHOWN).map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 && ', '}
          <Link
            to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/settings"
            params={{ orgId: scope.orgId, workspaceId: scope.workspaceId, serviceId: s.id }}
            title={`${s.name}’s settings: its ring`}
          >
            {s.name}
          </Link>
        </Fragment>
      ))}
      {more > 0 && ` and ${more} more`}
      <span className="visually-hidden">. Move them to another ring before deleting it.</span>
    </span>
  );
}
