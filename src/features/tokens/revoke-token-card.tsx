import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { RevokeRequest } from '@/contract/tokens';
import { useMintedTokens } from '@/data/tokens/get-minted-tokens';
import { useRevokeTokens } from '@/data/tokens/revoke-tokens';
import { nullableText } from '@/lib/form-schema';
import { useServerForm } from '@/lib/use-server-form';
import { Card } from '@/ui/card';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormFooter } from '@/ui/form-footer';
import { TextField } from '@/ui/text-field';

const RevokeForm = z.object({
  jti: RevokeRequest.shape.jti,
  expires_at: RevokeRequest.shape.expires_at,
  reason: z.string().check(z.maxLength(500, { error: 'Reason must be at most 500 characters' })),
});

/**
 * Revoke one token by its ID, for a token not in the list (or a platform
 * without the list). It asks first, and the platform's refusal of an ID the
 * service never issued is shown as it came: a typo never reads as success.
 */
export function RevokeTokenCard({ scope, serviceId }: { scope: Scope; serviceId: string }) {
  const revoke = useRevokeTokens(scope, serviceId);
  // The listed tokens (the same query as the list's first page): a known ID goes with its expiry (seed 004).
  const minted = useMintedTokens(scope, serviceId, 20);
  const server = useServerForm({
    schema: RevokeForm,
    fields: ['jti', 'expires_at', 'reason'],
    defaultValues: { jti: '', expires_at: null, reason: '' },
    confirm: true,
    send: (v) => {
      // The expiry typed wins; else the listed token's, if it is one.
      const expires_at = v.expires_at ?? minted.data?.items.find((t) => t.jti === v.jti)?.expires_at;
      return revoke.mutateAsync({ one: { jti: v.jti, expires_at, reason: v.reason.trim() || null } });
    },
    onSuccess: (_revocation, v, { form }) => {
      toast.success(`Token ${v.jti} revoked: the gateway now refuses it`);
      form.reset();
    },
  });
  const { form } = server;

  return (
    <Card
      id="revoke-title"
      level={3}
      heading="Revoke a token by ID"
      subtitle="The gateway refuses the token from now on, even before it expires."
    >
      <form className="form" onSubmit={server.onSubmit} noValidate>
        <TextField
          form={form}
          name="jti"
          label="Token ID (jti)"
          required
          code
          hint="Shown when the token was minted; also inside the token."
        />
        <TextField
          form={form}
          name="expires_at"
          label="Token expiry (expires_at)"
          code
          placeholder="2026-05-01T12:00:00Z"
          hint="Optional. As the mint result gave it, e.g. 2026-05-01T12:00:00Z. The platform keeps the revocation until then."
          options={{ setValueAs: nullableText }}
        />
        <TextField form={form} name="reason" label="Reason" placeholder="No longer needed" />
        <FormFooter form={server} submit={{ label: 'Revoke token', variant: 'danger' }} />
      </form>
      <ConfirmDialog
        open={server.confirming !== null}
        onOpenChange={(open) => !open && server.cancel()}
        title="Revoke this token?"
        actionLabel="Revoke token"
        pending={server.pending}
        onConfirm={server.confirm}
      >
        <p>
          Clients calling with token <span className="mono">{server.confirming?.jti}</span> get 401 from the gateway from now on. This
          cannot be undone.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
