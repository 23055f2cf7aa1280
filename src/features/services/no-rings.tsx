import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import type { RingRead } from '@/contract/rings';
import { useWhoami } from '@/data/auth/get-whoami';
import { ringKeys } from '@/data/rings/keys';
import { useSaveRing } from '@/data/rings/save-ring';
import { useIdempotencyKey } from '@/lib/idempotency';
import { can } from '@/lib/permissions';
import { Button } from '@/ui/button';
import './no-rings.css';

/** The ring a new workspace is offered first: the first stop of the guide's dev → staging → prod path. */
const FIRST_RING = { name: 'dev', description: 'Development: the first ring of the promotion path' };

/**
 * Why the Ring field of New Service is empty in a workspace without rings, and the way forward: an admin (the
 * only role that manages rings, CONTRACT §8) creates a first ring here without leaving what they typed, or
 * opens Rings; anyone else is told whom to ask, or that a persistent service needs no ring.
 */
export function NoRings({
  scope,
  onCreated,
  onPersistent,
}: {
  scope: Scope;
  /** The ring just created, to choose it in the form. */
  onCreated: (ring: RingRead) => void;
  onPersistent: () => void;
}) {
  const me = useWhoami();
  const save = useSaveRing(scope);
  const queryClient = useQueryClient();
  // A retry after a lost answer sends the same key: the ring is created once.
  const key = useIdempotencyKey();
  const create = () =>
    save.mutate(
      { ringId: null, input: FIRST_RING, idempotencyKey: key.keyFor(FIRST_RING) },
      {
        onSuccess: (ring) => {
          key.reset();
          toast.success(`Ring ${ring.name} created`, { description: 'The new service will run in it.' });
          onCreated(ring);
        },
        // Refused, perhaps because another admin has just made rings (a 409 for a second dev): the rings are read again, and
        // any there are offered in the field.
        onError: () => void queryClient.invalidateQueries({ queryKey: ringKeys.list(scope) }),
      },
    );

  return (
    <div className="notice no-rings" role="group" aria-labelledby="no-rings-title">
      <p id="no-rings-title" className="no-rings-title">
        This workspace has no rings yet
      </p>
      {can(me.role, 'ring:write') ? (
        <>
          <p>An invocation service runs in a deployment ring. Create a first ring now, or set up the promotion path in Rings.</p>
          {save.isError && (
            <p className="field-error" role="alert">
              The ring could not be created: {save.error.message}
            </p>
          )}
          <div className="no-rings-actions">
            <Button type="button" variant="secondary" pending={save.isPending} onClick={create}>
              {save.isError ? 'Try again: create ring dev' : 'Create ring dev'}
            </Button>
            <Link to="/orgs/$orgId/workspaces/$workspaceId/rings" params={scope} className="btn btn-ghost">
              Open Rings
            </Link>
          </div>
        </>
      ) : (
        <>
          <p>
            An invocation service runs in a deployment ring, and only an admin can create rings: ask an admin of your organization to add
            one in Rings. A persistent service needs no ring.
          </p>
          <div className="no-rings-actions">
            <Button type="button" variant="secondary" onClick={onPersistent}>
              Make it a persistent service
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
