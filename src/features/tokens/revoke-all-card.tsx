import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import type { HostedServiceRead } from '@/contract/services';
import { RevokeAllRequest } from '@/contract/tokens';
import { useRevokeTokens } from '@/data/tokens/revoke-tokens';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormAlert } from '@/ui/form-alert';
import { TextField } from '@/ui/text-field';

/** Revoke every token of the service minted until now: a reason, then a confirmation by typing the service's slug. */
export function RevokeAllCard({ scope, service }: { scope: Scope; service: HostedServiceRead }) {
  const revokeAll = useRevokeTokens(scope, service.id);
  const { form, onSubmit, failure, retry, pending, confirming, confirm, cancel } = useServerForm({
    schema: RevokeAllRequest,
    fields: ['reason'],
    defaultValues: { reason: '' },
    confirm: true,
    send: (v) => revokeAll.mutateAsync({ all: v }),
    onSuccess: (_revocation, _v, { form }) => {
      form.reset();
      toast.success(`Every token of ${service.name} minted until now is revoked`);
    },
  });

  return (
    <Card
      id="revoke-all-title"
      level={3}
      className="danger-zone"
      heading="Revoke all tokens"
      subtitle="Every token of this service minted until now stops working at once. Tokens minted afterwards work."
    >
      <form className="revoke-all-row" onSubmit={onSubmit} noValidate>
        <TextField form={form} name="reason" label="Reason" required placeholder="Rotating credentials" />
        <Button type="submit" variant="danger">
          Revoke all tokens
        </Button>
      </form>
      <FormAlert failure={failure} onRetry={retry} />
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && cancel()}
        title={`Revoke every token of ${service.name}?`}
        actionLabel="Revoke all tokens"
        confirmText={service.slug}
        pending={pending}
        onConfirm={confirm}
      >
        <p>
          Every client calling <strong>{service.name}</strong> with a token minted until now gets 401 from the gateway. Clients need a new
          token. This cannot be undone.
        </p>
        <p>
          Reason: <em>{confirming?.reason}</em>
        </p>
      </ConfirmDialog>
    </Card>
  );
}
