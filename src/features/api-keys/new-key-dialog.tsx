import { useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { ApiKeyCreatedRead } from '@/contract/api-keys';
import { Button } from '@/ui/button';
import { Dialog } from '@/ui/dialog';

/**
 * The one time a key is shown. Escape and a click outside do nothing: the
 * dialog closes only once the user says they have copied the key, and closing
 * calls `onClose`, which resets the create mutation — the key then exists
 * nowhere in the console.
 */
export function NewKeyDialog({ created, onClose }: { created: ApiKeyCreatedRead | null; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const keyField = useRef<HTMLInputElement>(null);
  const confirmId = useId();

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      keyField.current?.select();
      toast.error('Could not copy automatically: the key is selected, press Ctrl+C (⌘C).');
    }
  };
  const done = () => {
    setCopied(false);
    setConfirmed(false);
    onClose();
  };

  return (
    <Dialog
      open={created !== null}
      onOpenChange={(open) => !open && confirmed && done()}
      dismissible={false}
      title="API key created"
      description="Copy it now: it is shown this once."
      wide
    >
      {created && (
        <div className="form">
          <p className="secret-warning" role="note">
            <strong>This key will not be shown again.</strong> The platform keeps only a fingerprint of it; if it is lost, revoke it and
            create another.
          </p>
          <div className="field">
            <label className="field-label" htmlFor="new-api-key">
              API key “{created.name}”
            </label>
            <input
              id="new-api-key"
              ref={keyField}
              className="input mono"
              readOnly
              value={created.key}
              onFocus={(e) => e.currentTarget.select()}
            />
            <p className="field-hint">
              Sign in with it on the sign-in page’s API key tab, or use it with <span className="mono">flow-sdk login</span>. It acts as you
              ({created.created_by?.email ?? 'its creator'}).
            </p>
          </div>
          <label className="check" htmlFor={confirmId}>
            <input id={confirmId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I have copied the
            key and stored it safely
          </label>
          <div className="dialog-actions">
            <span className="copy-status" role="status">
              {copied ? 'Copied to the clipboard.' : ''}
            </span>
            <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy key'}</Button>
            <Button variant="primary" disabled={!confirmed} onClick={done}>
              Done
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
