import { toast } from 'sonner';
import { WorkspaceCreate, type WorkspaceRead } from '@/contract/organizations';
import { useCreateWorkspace } from '@/data/organizations/create-workspace';
import { useServerForm } from '@/lib/use-server-form';
import { Field } from '@/ui/field';
import { FormDialog } from '@/ui/form-dialog';

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
  const server = useServerForm({
    schema: WorkspaceCreate,
    fields: ['name'],
    defaultValues: { name: '' },
    send: (input, { idempotencyKey }) => create.mutateAsync({ input, idempotencyKey }),
    onSuccess: (workspace) => {
      toast.success(`Workspace ${workspace.name} created`);
      onCreated(workspace);
    },
    onClose: () => onOpenChange(false),
  });
  const { register, formState } = server.form;
  return (
    <FormDialog
      form={server}
      open={open}
      title="New workspace"
      description="A workspace holds its own services, rings and connectors. It starts empty."
      submitLabel="Create workspace"
    >
      <Field label="Name" required hint="Unique in the organization, e.g. Staging or Data science." error={formState.errors.name?.message}>
        <input className="input" autoComplete="off" {...register('name')} />
      </Field>
    </FormDialog>
  );
}
