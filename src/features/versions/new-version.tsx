import { Link, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { toast } from 'sonner';
import type { ServiceVersionRead } from '@/contract/versions';
import { useWhoami } from '@/data/auth/get-whoami';
import { useCreateVersion } from '@/data/versions/create-version';
import { useIdempotencyKey } from '@/lib/idempotency';
import { roleReason } from '@/lib/permissions';
import type { ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';

/**
 * The way to the next version's draft: New version creates it (from the live
 * endpoints) and opens it; while one draft exists — the platform keeps one at
 * a time — the way is to that draft, not a disabled button to puzzle over.
 */
export function NewVersionAction({ scope, serviceId, versions }: ServiceProps & { versions: ServiceVersionRead[] }) {
  const me = useWhoami();
  const create = useCreateVersion(scope, serviceId);
  const idempotency = useIdempotencyKey();
  const navigate = useNavigate();
  const reasonId = useId();
  const draft = versions.find((v) => v.status === 'draft');
  const denied = roleReason(me.role, 'service:write');
  const draftPage = {
    to: '/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/versions/$versionId',
    params: { ...scope, serviceId, versionId: draft?.id ?? '' },
  } as const;

  if (draft && !denied) {
    return (
      <div className="with-reason">
        <Link {...draftPage} className="btn btn-primary" aria-describedby={reasonId}>
          Open draft v{draft.version}
        </Link>
        <p id={reasonId} className="field-hint">
          One draft at a time: edit or publish v{draft.version}, then start the next.
        </p>
      </div>
    );
  }

  const newVersion = () =>
    create.mutate(idempotency.keyFor('new-version'), {
      // The draft is where the work goes on: open it.
      onSuccess: (v) => {
        idempotency.reset();
        toast.success(`Version ${v.version} created as a draft`);
        void navigate({ ...draftPage, params: { ...draftPage.params, versionId: v.id } });
      },
      onError: (e) => toast.error(`Could not create a version: ${e.message}`),
    });

  return (
    <div className="with-reason">
      <Button
        variant="primary"
        onClick={newVersion}
        pending={create.isPending}
        disabled={!!denied}
        aria-describedby={denied ? reasonId : undefined}
      >
        New version
      </Button>
      {denied && (
        <p id={reasonId} className="field-hint">
          {denied}
        </p>
      )}
    </div>
  );
}
