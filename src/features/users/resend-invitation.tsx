import { toast } from 'sonner';
import type { Role } from '@/contract/auth';
import { useInviteUser } from '@/data/users/invite-user';
import { useIdempotencyKey } from '@/lib/idempotency';
import { Button } from '@/ui/button';
import { withArticle } from './role-words';

/**
 * An expired invitation sent again, with the same email and role, in one click: the platform replaces an expired
 * invitation with a new one (a new link, another 7 days). A retry after a failure reuses its Idempotency-Key.
 */
export function ResendInvitationButton({ email, role, onSent }: { email: string; role: Role; onSent: (email: string) => void }) {
  const invite = useInviteUser();
  const key = useIdempotencyKey();
  // mutateAsync, not mutate's callbacks: the list read again replaces this row (the new invitation is a new one), and an
  // unmounted observer's callbacks never run.
  const send = async () => {
    const input = { email, role };
    try {
      const user = await invite.mutateAsync({ input, idempotencyKey: key.keyFor(input) });
      key.reset();
      toast.success(`Invitation sent again to ${user.email}`, {
        description: `A new link, for 7 days. They join as ${withArticle(user.role)}.`,
      });
      onSent(user.email);
    } catch (error) {
      toast.error(`Could not send the invitation to ${email} again: ${(error as Error).message}`);
    }
  };
  return (
    <Button size="sm" pending={invite.isPending} aria-label={`Send the invitation to ${email} again`} onClick={() => void send()}>
      Send again
    </Button>
  );
}
