import { usePublicUrl } from '@/data/agents/get-public-url';
import { Button } from '@/ui/button';
import { CopyStatus, SecretField, SecretWarning, useCopySecret } from '@/ui/copy-secret';
import { Dialog } from '@/ui/dialog';
import { Skeleton } from '@/ui/skeleton';
import { ErrorState } from '@/ui/states';

/**
 * An instance's public URL, fetched when the user asks for it. It carries a
 * bearer credential (`edge_token`, seed 003), so it lives only while this
 * dialog is open: mounted only then, its query has `gcTime: 0` and leaves the
 * cache when the dialog closes; it is never written to storage, the address
 * bar or a log.
 */
export function PublicUrlDialog({
  orgId,
  deploymentId,
  instanceId,
  onClose,
}: {
  orgId: string;
  deploymentId: string;
  instanceId: string;
  onClose: () => void;
}) {
  const url = usePublicUrl(orgId, deploymentId, instanceId, true);
  const { copied, field, copy } = useCopySecret('URL');

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Public URL of ${instanceId}`}
      description="It contains a credential: anyone who has it can call the agent."
      wide
    >
      <div className="form">
        {url.isPending ? (
          <Skeleton height="2.5rem" />
        ) : url.isError ? (
          <ErrorState title="Could not read the public URL" error={url.error} />
        ) : url.data === null ? (
          <p className="notice" role="note">
            This instance has no public URL now: it is not ready (or its public URL is turned off).
          </p>
        ) : (
          <>
            <SecretWarning>
              The <span className="mono">edge_token</span> in it is a bearer credential. Paste it only where the agent must be called from;
              not in tickets, chats or logs. The console does not keep it: closing this dialog forgets it.
            </SecretWarning>
            <SecretField id="public-url" label="Public URL" value={url.data} field={field} />
          </>
        )}
        <div className="dialog-actions">
          <CopyStatus copied={copied} />
          {url.data && <Button onClick={() => void copy(url.data!)}>{copied ? 'Copied' : 'Copy URL'}</Button>}
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
