import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import type { Scope } from '@/contract/paths';
import { applyServerErrors } from '@/lib/form-errors';
import { RevokeRequest } from '@/contract/tokens';
import { useRevokeToken } from '@/data/tokens/revoke-token';

const formSchema = z.object({ jti: RevokeRequest.shape.jti, reason: z.string().max(500, { error: 'Reason must be at most 500 characters' }) });
type FormValues = z.infer<typeof formSchema>;
const FIELDS = ['jti', 'reason'] as const;

/** Revoke one token by its ID; the gateway refuses it from then on. */
export function RevokeTokenCard({ scope, serviceId }: { scope: Scope; serviceId: string }) {
  const revoke = useRevokeToken(scope, serviceId);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { jti: '', reason: '' } });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    try {
      await revoke.mutateAsync({ jti: v.jti, reason: v.reason.trim() || null });
      toast.success(`Token ${v.jti} revoked: the gateway now refuses it`);
      reset();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <section className="card" aria-labelledby="revoke-title">
      <h3 id="revoke-title" className="card-heading">
        Revoke a token
      </h3>
      <p className="muted card-subtitle">The gateway refuses the token from now on, even before it expires.</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Token ID (jti)" required hint="Shown when the token was minted; also inside the token." error={formState.errors.jti?.message}>
          <input className="input mono" autoComplete="off" spellCheck={false} {...register('jti')} />
        </Field>
        <Field label="Reason" error={formState.errors.reason?.message}>
          <input className="input" autoComplete="off" placeholder="No longer needed" {...register('reason')} />
        </Field>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" variant="danger" pending={formState.isSubmitting}>
            Revoke token
          </Button>
        </div>
      </form>
    </section>
  );
}
