import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import type { MintedTokenRead } from '@/contract/tokens';
import { useRevokeTokens } from '@/data/tokens/revoke-tokens';
import { formatDateTime } from '@/lib/format';
import { useServerForm } from '@/lib/use-server-form';
import { FormDialog } from '@/ui/form-dialog';
import { TextField } from '@/ui/text-field';

const ReasonForm = z.object({ reason: z.string().check(z.maxLength(500, { error: 'Reason must be at most 500 characters' })) });

/**
 * Revoke one listed token, after a confirmation that names it: the record's
 * `expires_at` goes with it (seed 004's `revoke(jti, expires_at, reason)`).
 */
export function RevokeTokenDialog({
  scope,
  serviceId,
  token,
  onClose,
}: {
  scope: Scope;
  serviceId: string;
  token: MintedTokenRead;
  onClose: () => void;
}) {
  const revoke = useRevokeTokens(scope, serviceId);
  const server = useServerForm({
    schema: ReasonForm,
    fields: ['reason'],
    defaultValues: { reason: '' },
    send: (v) => revoke.mutateAsync({ one: { jti: token.jti, expires_at: token.expires_at, reason: v.reason.trim() || null } }),
    onSuccess: () => toast.success(`Token ${token.jti} revoked: the gateway refuses it from now on`),
    onClose,
  });
  return (
    <FormDialog
      form={server}
      open
      title="Revoke this token?"
      description={
        <>
          Clients calling with token <span className="mono">{token.jti}</span> get 401 from the gateway from now on. It would have expired{' '}
          {formatDateTime(token.expires_at)}. This cannot be undone.
        </>
      }
      submitLabel="Revoke token"
      submitVariant="danger"
    >
      <TextField
        form={server.form}
        name="reason"
        label="Reason"
        hint="Optional. Kept with the revocation."
        placeholder="No longer needed"
      />
    </FormDialog>
  );
}
