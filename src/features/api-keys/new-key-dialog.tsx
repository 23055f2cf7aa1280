import { useId, useState } from 'react';
import type { ApiKeyCreatedRead } from '@/contract/api-keys';
import { Button } from '@/ui/button';
import { CopyStatus, SecretField, SecretWarning, useCopySecret } from '@/ui/copy-secret';
import { Dialog } from '@/ui/dialog';

/**
 * The one time a key is shown. Escape and a click outside do nothing: the
 * dialog closes only once the user says they have copied the key, and closing
 * calls `onClose`, which resets the create mutation — the key then exists
 * nowhere in the console.
 */
export function NewKeyDialog({ created, onClose }: { created: ApiKeyCreatedRead | null; onClose: () => void }) {
  const { copied, field, copy, forget } = useCopySecret('key');
  const [confirmed, setConfirmed] = useState(false);
  const confirmId = useId();

  const done = () => {
    forget();
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
          <SecretWarning>
            <strong>This key will not be shown again.</strong> The platform keeps only a fingerprint of it; if it is lost, revoke it and
            create another.
          </SecretWarning>
          <SecretField
            id="new-api-key"
            label={`API key “${created.name}”`}
            value={created.key}
            field={field}
            hint={
              <>
                Sign in with it on the sign-in page’s API key tab, or use it with <span className="mono">flow-sdk login</span>. It acts as
                you ({created.created_by?.email ?? 'its creator'}).
              </>
            }
          />
          <label className="check" htmlFor={confirmId}>
            <input id={confirmId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I have copied the
            key and stored it safely
          </label>
          <div className="dialog-actions">
            <CopyStatus copied={copied} />
            <Button onClick={() => void copy(created.key)}>{copied ? 'Copied' : 'Copy key'}</Button>
            <Button variant="primary" disabled={!confirmed} onClick={done}>
              Done
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
