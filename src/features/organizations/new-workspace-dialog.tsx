import { toast } from 'sonner';
import { WorkspaceCreate, type OrganizationRead, type WorkspaceRead } from '@/contract/organizations';
import { useWhoami } from '@/data/auth/get-whoami';
import { useCreateWorkspace } from '@/data/organizations/create-workspace';
import { can } from '@/lib/permissions';
import { Button } from '@/ui/button';
import { Dialog } from '@/ui/dialog';
import { NameDialog } from '@/ui/name-dialog';

/** Add a workspace to the organization (admins); `onCreated` then switches to it. */
export function NewWorkspaceDialog({
  orgId,
  open,
  onOpenChange,
  onCreated,
  title = 'New workspace',
  description = 'A workspace holds its own services, rings and connectors. It starts empty.',
}: {
  orgId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (workspace: WorkspaceRead) => void;
  title?: string;
  description?: string;
}) {
  const create = useCreateWorkspace(orgId);
  return (
    <NameDialog
      schema={WorkspaceCreate}
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      hint="Unique in the organization, e.g. Staging or Data science."
      submitLabel="Create workspace"
      send={(name, idempotencyKey) => create.mutateAsync({ input: { name }, idempotencyKey })}
      onSuccess={(workspace) => {
        toast.success(`Workspace ${workspace.name} created`);
        onCreated(workspace);
      }}
    />
  );
}

/**
 * The header's workspace dialogs: "New workspace…" in the current organization, or — `empty` — an organization
 * just picked that has no workspace to open. There an admin creates its first; anyone else learns who can.
 */
export function SwitcherWorkspaceDialog({
  organization,
  empty,
  onClose,
  onCreated,
}: {
  organization: Pick<OrganizationRead, 'id' | 'name'>;
  empty: boolean;
  onClose: () => void;
  onCreated: (workspace: WorkspaceRead) => void;
}) {
  const me = useWhoami();
  const title = empty ? `No workspaces in ${organization.name}` : undefined;
  const closed = (open: boolean) => !open && onClose();
  if (can(me.role, 'organization:write')) {
    return (
      <NewWorkspaceDialog
        orgId={organization.id}
        open
        onOpenChange={closed}
        onCreated={onCreated}
        title={title}
        description={
          empty
            ? `${organization.name} has no workspaces yet. Create its first workspace to work there; each holds its own services, rings and connectors.`
            : undefined
        }
      />
    );
  }
  return (
    <Dialog
      open
      onOpenChange={closed}
      title={title ?? 'New workspace'}
      description={`${empty ? `${organization.name} has no workspaces yet, so there is nothing to open in it. ` : ''}Only an admin creates workspaces: ask an admin of ${organization.name} to create one.`}
    >
      <div className="dialog-actions">
        <Button variant="primary" onClick={onClose}>
          OK
        </Button>
      </div>
    </Dialog>
  );
}
