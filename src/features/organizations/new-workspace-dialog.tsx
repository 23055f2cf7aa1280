import { toast } from 'sonner';
import { WorkspaceCreate, type WorkspaceRead } from '@/contract/organizations';
import { useCreateWorkspace } from '@/data/organizations/create-workspace';
import { NameDialog } from '@/ui/name-dialog';

/** Add a workspace to the organization (admins); `onCreated` then switches to it. */
export function NewWorkspaceDialog({
  orgId,
  open,
  onOpenChange,
  onCreated,
}: {
  orgId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (workspace: WorkspaceRead) => void;
}) {
  const create = useCreateWorkspace(orgId);
  return (
    <NameDialog
      schema={WorkspaceCreate}
      open={open}
      onOpenChange={onOpenChange}
      title="New workspace"
      description="A workspace holds its own services, rings and connectors. It starts empty."
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
