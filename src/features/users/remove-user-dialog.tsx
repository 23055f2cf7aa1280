import { toast } from 'sonner';
import type { UserRead } from '@/contract/users';
import { useRemoveUser } from '@/data/users/remove-user';
import { ConfirmAction } from '@/ui/confirm-dialog';

/** Remove a user (their sessions end at once), or withdraw an invitation (its link stops working). */
export function RemoveUserDialog({ user, self, onClose }: { user: UserRead; self: boolean; onClose: () => void }) {
  const remove = useRemoveUser();
  const who = user.name ?? user.email;
  const invited = user.status === 'invited';
  return (
    <ConfirmAction
      title={invited ? `Withdraw the invitation to ${user.email}?` : `Remove ${who}?`}
      actionLabel={invited ? 'Withdraw invitation' : 'Remove user'}
      state={remove}
      run={() => remove.mutateAsync(user.id)}
      onClose={onClose}
      onDone={() => toast.success(invited ? `Invitation to ${user.email} withdrawn` : `${who} removed from the organization`)}
    >
      {invited ? (
        <p>The link in their email stops working. You can invite them again later.</p>
      ) : (
        <>
          <p>
            {who} ({user.email}) loses access at once: their sessions end, and the API keys they made are revoked. What they made stays. You
            can invite them again later.
          </p>
          {self && <p>This is you: you are signed out as soon as it is done.</p>}
        </>
      )}
    </ConfirmAction>
  );
}
