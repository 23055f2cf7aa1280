import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { RingCreate, type RingRead } from '@/contract/rings';
import { useSaveRing } from '@/data/rings/save-ring';
import { useServerForm } from '@/lib/use-server-form';
import { FormDialog } from '@/ui/form-dialog';
import { TextField } from '@/ui/text-field';

const RingForm = z.object({
  name: RingCreate.shape.name,
  description: z.string().check(z.maxLength(500, { error: 'Description must be at most 500 characters' })),
});

/** Create a ring (ring null, added at the end of the promotion path) or rename and describe one. */
export function RingDialog({
  scope,
  ring,
  open,
  onOpenChange,
}: {
  scope: Scope;
  ring: RingRead | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const save = useSaveRing(scope);
  const server = useServerForm({
    schema: RingForm,
    fields: ['name', 'description'],
    mode: 'onTouched',
    values: { name: ring?.name ?? '', description: ring?.description ?? '' },
    send: (v, { idempotencyKey }) =>
      save.mutateAsync({ ringId: ring?.id ?? null, input: { name: v.name, description: v.description.trim() || null }, idempotencyKey }),
    onSuccess: (saved) => {
      toast.success(ring ? `Ring ${saved.name} saved` : `Ring ${saved.name} created at the end of the promotion path`);
    },
    onClose: () => onOpenChange(false),
  });

  return (
    <FormDialog
      form={server}
      open={open}
      title={ring ? `Edit ring ${ring.name}` : 'New ring'}
      description={
        ring
          ? 'Renaming keeps the services that use the ring on it.'
          : 'The new ring is added at the end of the promotion path; move it afterwards.'
      }
      submitLabel={ring ? 'Save ring' : 'Create ring'}
    >
      <TextField form={server.form} name="name" label="Name" required code hint="Lowercase letters, digits and hyphens, e.g. eu-canary." />
      <TextField form={server.form} name="description" label="Description" rows={3} />
    </FormDialog>
  );
}
