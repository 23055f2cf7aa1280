import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { RevokeRequest } from '@/contract/tokens';
import { useRevokeToken } from '@/data/tokens/revoke-token';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { FormAlert } from '@/ui/form-alert';

const RevokeForm = z.object({ jti: RevokeRequest.shape.jti, reason: z.string().check(z.maxLength(500, { error: 'Reason must be at most 500 characters' })) });

/** Revoke one token by its ID; the gateway refuses it from then on. */
export function RevokeTokenCard({ scope, serviceId }: { scope: Scope; serviceId: string }) {
  const revoke = useRevokeToken(scope, serviceId);
  const { form, onSubmit, failure, retry, pending } = useServerForm({
    schema: RevokeForm,
    fields: ['jti', 'reason'],
    defaultValues: { jti: '', reason: '' },
    send: (v) => revoke.mutateAsync({ jti: v.jti, reason: v.reason.trim() || null }),
    onSuccess: (_revocation, v, form) => {
      toast.success(`Token ${v.jti} revoked: the gateway now refuses it`);
      form.reset();
    },
  });
  const { register, formState } = form;

  return (
    <section className="card" aria-labelledby="revoke-title">
      <h3 id="revoke-title" className="card-heading">
        Revoke a token
      </h3>
      <p className="muted card-subtitle">The gateway refuses the token from now on, even before it expires.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label="Token ID (jti)" required hint="Shown when the token was minted; also inside the token." error={formState.errors.jti?.message}>
          <input className="input mono" autoComplete="off" spellCheck={false} {...register('jti')} />
        </Field>
        <Field label="Reason" error={formState.errors.reason?.message}>
          <input className="input" autoComplete="off" placeholder="No longer needed" {...register('reason')} />
        </Field>
        <FormAlert failure={failure} onRetry={retry} />
        <div className="form-actions">
          <Button type="submit" variant="danger" pending={pending}>
            Revoke token
          </Button>
        </div>
      </form>
    </section>
  );
}
