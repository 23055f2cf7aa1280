import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Dialog, DialogFormFooter } from '@/ui/dialog';
import { Field } from '@/ui/field';
import type { Scope } from '@/contract/paths';
import type { Ring } from '@/contract/rings';
import { applyServerErrors } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/idempotency';
import { RingCreate } from '@/contract/rings';
import { useSaveRing } from '@/data/rings/save-ring';

const formSchema = z.object({ name: RingCreate.shape.name, description: z.string().max(500, { error: 'Description must be at most 500 characters' }) });
type FormValues = z.infer<typeof formSchema>;
const FIELDS = ['name', 'description'] as const;

/** Create a ring (ring null, added at the end of the promotion path) or rename and describe one. */
export function RingDialog({ scope, ring, open, onOpenChange }: { scope: Scope; ring: Ring | null; open: boolean; onOpenChange: (open: boolean) => void }) {
  const save = useSaveRing(scope);
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    mode: 'onTouched',
    values: { name: ring?.name ?? '', description: ring?.description ?? '' },
  });

  const close = (next: boolean) => {
    if (!next) {
      setFormError(null);
      reset();
    }
    onOpenChange(next);
  };

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const input = { name: v.name, description: v.description.trim() ? v.description.trim() : null };
    try {
      const saved = await save.mutateAsync({ ringId: ring?.id ?? null, input, idempotencyKey: idempotency.keyFor(input) });
      idempotency.reset();
      toast.success(ring ? `Ring ${saved.name} saved` : `Ring ${saved.name} created at the end of the promotion path`);
      close(false);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={ring ? `Edit ring ${ring.name}` : 'New ring'}
      description={ring ? 'Renaming keeps the services that use the ring on it.' : 'The new ring is added at the end of the promotion path; move it afterwards.'}
    >
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Name" required hint="Lowercase letters, digits and hyphens, e.g. eu-canary." error={formState.errors.name?.message}>
          <input className="input mono" autoComplete="off" spellCheck={false} {...register('name')} />
        </Field>
        <Field label="Description" error={formState.errors.description?.message}>
          <textarea className="input" rows={3} {...register('description')} />
        </Field>
        <DialogFormFooter error={formError} onCancel={() => close(false)} submitLabel={ring ? 'Save ring' : 'Create ring'} pending={formState.isSubmitting} />
      </form>
    </Dialog>
  );
}
