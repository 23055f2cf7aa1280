import { useRef, useState } from 'react';
import { toast } from 'sonner';
import type { MintResponseRead } from '@/contract/tokens';
import { Button } from '@/ui/button';
import { DateTime } from '@/ui/date-time';
import { Detail } from '@/ui/details';
import { Dialog } from '@/ui/dialog';

/**
 * The one time a token is shown. It closes only through "I have copied it"
 * (Escape and a click outside do nothing: a stray key must not lose it).
 * Closing calls `onClose`, which resets the mint mutation: the token then
 * exists nowhere in the console.
 */
export function MintedTokenDialog({ minted, onClose }: { minted: MintResponseRead | null; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const tokenRef = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    if (!minted) return;
    try {
      await navigator.clipboard.writeText(minted.token);
      setCopied(true);
    } catch {
      tokenRef.current?.select();
      toast.error('Could not copy automatically: the token is selected, press Ctrl+C (⌘C).');
    }
  };

  return (
    <Dialog
      open={minted !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(false);
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
          <p className="token-warning" role="alert">
            <strong>This token will not be shown again.</strong> The platform does not keep it; if it is lost, mint a new one.
          </p>
          <div className="field">
            <label className="field-label" htmlFor="minted-token">
              Service token
            </label>
            <textarea
              id="minted-token"
              ref={tokenRef}
              className="input mono token-value"
              readOnly
              rows={4}
              value={minted.token}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <dl className="details token-details">
            <Detail term="Token ID (jti)" mono>
              {minted.jti}
            </Detail>
            <Detail term="Expires">
              <DateTime iso={minted.expires_at} />
            </Detail>
          </dl>
          <div className="dialog-actions">
            <span className="copy-status" role="status">
              {copied ? 'Copied to the clipboard.' : ''}
            </span>
            <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</Button>
            <Button
              variant="primary"
              onClick={() => {
                setCopied(false);
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
