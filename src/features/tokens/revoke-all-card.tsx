import { useId, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import type { Scope } from '@/contract/paths';
import type { HostedService } from '@/contract/services';
import { RevokeAllRequest } from '@/contract/tokens';
import { useRevokeAllTokens } from '@/data/tokens/revoke-all-tokens';

/** Revoke every token of the service minted until now; confirmed by typing the service's slug. */
export function RevokeAllCard({ scope, service }: { scope: Scope; service: HostedService }) {
  const revokeAll = useRevokeAllTokens(scope, service.id);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const inputId = useId();

  const ask = () => {
    const parsed = RevokeAllRequest.safeParse({ reason });
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message ?? 'Give a reason');
      document.getElementById(inputId)?.focus();
      return;
    }
    setReasonError(null);
    setOpen(true);
  };

  return (
    <section className="card danger-zone" aria-labelledby="revoke-all-title">
      <h3 id="revoke-all-title" className="card-heading">
        Revoke all tokens
      </h3>
      <p className="muted card-subtitle">Every token of this service minted until now stops working at once. Tokens minted afterwards work.</p>
      <div className="revoke-all-row">
        <div className={`field${reasonError ? ' field-invalid' : ''}`}>
          <label htmlFor={inputId} className="field-label">
            Reason<span className="field-required" aria-hidden="true"> *</span>
          </label>
          <input
            id={inputId}
            className="input"
            autoComplete="off"
            placeholder="Rotating credentials"
            value={reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${inputId}-error` : undefined}
            aria-required
            onChange={(e) => {
              setReason(e.target.value);
              if (reasonError) setReasonError(null);
            }}
          />
          {reasonError && (
            <p id={`${inputId}-error`} className="field-error" role="alert">
              {reasonError}
            </p>
          )}
        </div>
        <Button variant="danger" onClick={ask}>
          Revoke all tokens
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) revokeAll.reset();
        }}
        title={`Revoke every token of ${service.name}?`}
        actionLabel="Revoke all tokens"
        confirmText={service.slug}
        pending={revokeAll.isPending}
        error={revokeAll.error?.message}
        onConfirm={() =>
          revokeAll.mutate(
            { reason },
            {
              onSuccess: () => {
                setOpen(false);
                setReason('');
                toast.success(`Every token of ${service.name} minted until now is revoked`);
              },
            },
          )
        }
      >
        <p>
          Every client calling <strong>{service.name}</strong> with a token minted until now gets 401 from the gateway. Clients need a new token. This cannot be
          undone.
        </p>
        <p>
          Reason: <em>{reason}</em>
        </p>
      </ConfirmDialog>
    </section>
  );
}
