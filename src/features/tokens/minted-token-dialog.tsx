import type { MintResponseRead } from '@/contract/tokens';
import { Button } from '@/ui/button';
import { CopyStatus, SecretField, SecretWarning, useCopySecret } from '@/ui/copy-secret';
import { DateDetail } from '@/ui/date-detail';
import { Detail } from '@/ui/details';
import { Dialog } from '@/ui/dialog';

/**
 * The one time a token is shown. It closes only through "I have copied it"
 * (Escape and a click outside do nothing: a stray key must not lose it).
 * Closing calls `onClose`, which resets the mint mutation: the token then
 * exists nowhere in the console.
 */
export function MintedTokenDialog({ minted, onClose }: { minted: MintResponseRead | null; onClose: () => void }) {
  const { copied, field, copy, forget } = useCopySecret('token');

  return (
    <Dialog
      open={minted !== null}
      onOpenChange={(open) => {
        if (!open) {
          forget();
          onClose();
        }
      }}
      title="Token minted"
      description="Copy it now and keep it somewhere safe."
      wide
      dismissible={false}
    >
      {minted && (
        <div className="form">
          <SecretWarning urgent>
            <strong>This token will not be shown again.</strong> The platform does not keep it; if it is lost, mint a new one.
          </SecretWarning>
          <SecretField id="minted-token" label="Service token" value={minted.token} field={field} rows={4} />
          <dl className="details token-details">
            <Detail term="Token ID (jti)" mono>
              {minted.jti}
            </Detail>
            <DateDetail term="Expires" iso={minted.expires_at} />
          </dl>
          <div className="dialog-actions">
            <CopyStatus copied={copied} />
            <Button onClick={() => void copy(minted.token)}>{copied ? 'Copied' : 'Copy'}</Button>
            <Button
              variant="primary"
              onClick={() => {
                forget();
                onClose();
              }}
            >
              I have copied it
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
