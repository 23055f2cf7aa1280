import { toast } from 'sonner';
import * as z from 'zod/mini';
import { Role } from '@/contract/auth';
import { isKnown } from '@/contract/reading';
import type { UserRead } from '@/contract/users';
import { useUpdateUser } from '@/data/users/update-user';
import { useServerForm } from '@/lib/use-server-form';
import { FormDialog } from '@/ui/form-dialog';
import { RoleField } from './role-field';
import { ROLE_ABILITIES, withArticle } from './role-words';

const RoleChange = z.object({ role: Role });

/**
 * Change someone's role (admins). The dialog is the confirmation: it says
 * what the chosen role may do, and that it applies from their next request.
 */
export function ChangeRoleDialog({ user, self, onClose }: { user: UserRead; self: boolean; onClose: () => void }) {
  const update = useUpdateUser();
  const current = isKnown(Role.options, user.role) ? user.role : null;
  const who = user.name ?? user.email;
  const server = useServerForm({
    schema: RoleChange,
    fields: ['role'],
    defaultValues: { role: current ?? 'viewer' },
    send: ({ role }) => update.mutateAsync({ userId: user.id, input: { role } }),
    onSuccess: (saved) =>
      toast.success(`${saved.name ?? saved.email} is now ${withArticle(saved.role)}`, {
        description: saved.status === 'invited' ? 'They join with this role.' : 'It applies from their next request.',
      }),
    onClose,
  });
  const chosen = server.form.watch('role');
  const changed = chosen !== current;
  return (
    <FormDialog
      form={server}
      open
      title={`Change ${who}’s role`}
      description={
        user.status === 'invited'
          ? 'They have not accepted their invitation yet: they join with the role chosen here.'
          : `${who} is ${current ? withArticle(current) : `“${user.role}”, a role this console does not know`} now.`
      }
      submitLabel={changed ? `Make ${withArticle(chosen)}` : 'Change role'}
      submitDisabled={!changed}
    >
      <RoleField form={server.form} legend="New role" current={current} />
      {changed && (
        <p className="notice" role="status">
          {who} becomes {withArticle(chosen)} {user.status === 'invited' ? 'when they join' : 'from their next request'}.{' '}
          {ROLE_ABILITIES[chosen]}
          {self && chosen !== 'admin' && ' You are changing your own role: you lose what only admins may do at once.'}
        </p>
      )}
    </FormDialog>
  );
}
