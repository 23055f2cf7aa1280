import { toast } from 'sonner';
import { UserInvite } from '@/contract/users';
import { useInviteUser } from '@/data/users/invite-user';
import { useServerForm } from '@/lib/use-server-form';
import { Field } from '@/ui/field';
import { FormDialog } from '@/ui/form-dialog';
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
  const { register, formState } = server.form;
  return (
    <FormDialog
      form={server}
      open={open}
      title="Invite a user"
      description="The platform emails them a link that works once, for 7 days. They choose a password and are signed in."
      submitLabel="Send invitation"
      guardChanges
    >
      <Field label="Email" required error={formState.errors.email?.message}>
        <input className="input" type="email" autoComplete="off" spellCheck={false} {...register('email')} />
      </Field>
      <RoleField register={register} error={formState.errors.role?.message} />
    </FormDialog>
  );
}
