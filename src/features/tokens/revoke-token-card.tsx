import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { RevokeRequest } from '@/contract/tokens';
import { useRevokeTokens } from '@/data/tokens/revoke-tokens';
import { useServerForm } from '@/lib/use-server-form';
import { Card } from '@/ui/card';
import { Field } from '@/ui/field';
import { FormFooter } from '@/ui/form-footer';

const RevokeForm = z.object({ jti: RevokeRequest.shape.jti, reason: z.string().check(z.maxLength(500, { error: 'Reason must be at most 500 characters' })) });

/** Revoke one token by its ID; the gateway refuses it from then on. */
export function RevokeTokenCard({ scope, serviceId }: { scope: Scope; serviceId: string }) {
  const revoke = useRevokeTokens(scope, serviceId);
  const server = useServerForm({
    schema: RevokeForm,
    fields: ['jti', 'reason'],
    defaultValues: { jti: '', reason: '' },
    send: (v) => revoke.mutateAsync({ one: { jti: v.jti, reason: v.reason.trim() || null } }),
    onSuccess: (_revocation, v, { form }) => {
      toast.success(`Token ${v.jti} revoked: the gateway now refuses it`);
      form.reset();
    },
  });
  const { form } = server;
  const { register, formState } = form;

  return (
    <Card id="revoke-title" level={3} heading="Revoke a token" subtitle="The gateway refuses the token from now on, even before it expires.">
      <form className="form" onSubmit={server.onSubmit} noValidate>
        <Field label="Token ID (jti)" required hint="Shown when the token was minted; also inside the token." error={formState.errors.jti?.message}>
          <input className="input mono" autoComplete="off" spellCheck={false} {...register('jti')} />
        </Field>
        <Field label="Reason" error={formState.errors.reason?.message}>
          <input className="input" autoComplete="off" placeholder="No longer needed" {...register('reason')} />
        </Field>
        <FormFooter form={server} submit={{ label: 'Revoke token', variant: 'danger' }} />
      </form>
    </Card>
  );
}
