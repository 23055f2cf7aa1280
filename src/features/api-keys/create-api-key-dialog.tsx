import { ApiKeyCreate, type ApiKeyCreatedRead } from '@/contract/api-keys';
import { NameDialog } from '@/ui/name-dialog';

/** Name a new key; the key itself goes to `create`'s caller (shown once by NewKeyDialog), never into the form. */
export function CreateApiKeyDialog({
  open,
  onOpenChange,
  create,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  create: (name: string, idempotencyKey: string) => Promise<ApiKeyCreatedRead>;
}) {
  return (
    <NameDialog
      schema={ApiKeyCreate}
      open={open}
      onOpenChange={onOpenChange}
      title="New API key"
      description="The key acts as you, with your role. It is shown once, when it is made."
      hint="What uses it, e.g. CI pipeline or Nightly import."
      submitLabel="Create key"
      send={create}
    />
  );
}
