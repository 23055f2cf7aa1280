import { toast } from 'sonner';
import { UserInvite } from '@/contract/users';
import { useInviteUser } from '@/data/users/invite-user';
import { useServerForm } from '@/lib/use-server-form';
import { FormDialog } from '@/ui/form-dialog';
import { TextField } from '@/ui/text-field';
import { RoleField } from './role-field';
import { withArticle } from './role-words';

/** Invite someone by email with a role (admins): the platform mails them a one-time link to set a password. */
export function InviteUserDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const invite = useInviteUser();
  const server = useServerForm({
    schema: UserInvite,
    fields: ['email', 'role'],
    defaultValues: { email: '', role: 'developer' },
    send: (input, { idempotencyKey }) => invite.mutateAsync({ input, idempotencyKey }),
    onSuccess: (user) =>
      toast.success(`Invitation sent to ${user.email}`, {
        description: `They join as ${withArticle(user.role)} once they set a password from the link in their email.`,
      }),
    onClose: () => onOpenChange(false),
  });
  return (
    <FormDialog
      form={server}
      open={open}
      title="Invite a user"
      description="The platform emails them a link that works once, for 7 days. They choose a password and are signed in."
      submitLabel="Send invitation"
      guardChanges
    >
      <TextField form={server.form} name="email" label="Email" required type="email" spellCheck={false} />
      <RoleField form={server.form} />
    </FormDialog>
  );
}
