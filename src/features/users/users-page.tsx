import './users.css';
import { Fragment, useEffect, useRef, useState } from 'react';
import { Role } from '@/contract/auth';
import { isKnown } from '@/contract/reading';
import type { UserRead } from '@/contract/users';
import { useWhoami, type Me } from '@/data/auth/get-whoami';
import { useAdminCount } from '@/data/users/get-admin-count';
import { useUsers } from '@/data/users/get-users';
import { can, roleReason } from '@/lib/permissions';
import { serverNow } from '@/lib/server-clock';
import type { SearchProps } from '@/lib/route-props';
import { RelativeTime } from '@/ui/date-time';
import { Badge, ValueBadge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { InvalidTableRows } from '@/ui/invalid-rows';
import { Notice } from '@/ui/notice';
import { Pagination } from '@/ui/pagination';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { TableHead } from '@/ui/table-head';
import { Page } from '@/ui/page';
import { ChangeRoleDialog } from './change-role-dialog';
import { InviteUserDialog } from './invite-user-dialog';
import { RemoveUserDialog } from './remove-user-dialog';
import { ResendInvitationButton } from './resend-invitation';
import { ROLE_TONES } from './role-words';
import { toUserListQuery } from './users-query';
import { USER_PAGE_SIZES, type UsersSearch } from './users-search';
import { UsersToolbar } from './users-toolbar';

type DialogState = { kind: 'invite' } | { kind: 'role'; user: UserRead } | { kind: 'remove'; user: UserRead } | null;

/** An address with its break opportunities where a reader expects a line to break: after the @ and before each dot and hyphen. */
const wrappable = (email: string) =>
  email.split(/(?<=@)|(?=[.-])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));

const isMe = (me: Me, user: UserRead) => (me.id !== null && me.id === user.id) || me.email.toLowerCase() === user.email.toLowerCase();

/** The organization's users (seed 001): everyone reads; admins invite, change roles and remove. */
export function UsersPage({ search, onSearchChange }: SearchProps<UsersSearch>) {
  const me = useWhoami();
  const admin = can(me.role, 'users:manage');
  const users = useUsers(toUserListQuery(search));
  const adminCount = useAdminCount();
  const [dialog, setDialog] = useState<DialogState>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  // An invitation sent again replaces the expired one (a new row): the keyboard goes on to its Withdraw, once the list shows it.
  const [focusAfterResend, setFocusAfterResend] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfterResend) return;
    const withdraw = [...(tableRef.current?.querySelectorAll<HTMLElement>('[data-withdraw]') ?? [])].find(
      (b) => b.dataset.withdraw === focusAfterResend.toLowerCase(),
    );
    if (!withdraw) return;
    withdraw.focus();
    setFocusAfterResend(null);
  }, [focusAfterResend, users.data]);
  const filtered = search.q !== '' || search.status !== 'all';
  /** The one admin left, when the platform's list says so: neither demoted nor removed (the platform refuses it too). */
  const lastAdmin = (user: UserRead) =>
    user.role === 'admin' && user.status !== 'invited' && adminCount.data?.known === true && adminCount.data.admins <= 1;

  let body: React.ReactNode;
  if (users.isPending) {
    body = <Skeleton height="10rem" />;
  } else if (users.isError && !users.data) {
    body = <ErrorState title="Users could not be loaded" error={users.error} onRetry={() => void users.refetch()} />;
  } else if (users.data.items.length === 0 && users.data.invalid.length === 0) {
    body = filtered ? (
      <EmptyState
        title="No users match"
        action={
          <Button variant="secondary" onClick={() => onSearchChange({ q: '', status: 'all', page: 1 })}>
            Clear filters
          </Button>
        }
      >
        <p>Nobody matches these filters. Try other words or clear the filters.</p>
      </EmptyState>
    ) : (
      <EmptyState
        title="This page is empty"
        action={
          <Button variant="secondary" onClick={() => onSearchChange({ page: 1 })}>
            Go to the first page
          </Button>
        }
      />
    );
  } else {
    body = (
      <>
        <div className="table-wrap" aria-busy={users.isPlaceholderData || undefined}>
          <table className="table users-table" ref={tableRef}>
            <caption className="visually-hidden">Users of the organization</caption>
            <TableHead columns={['User', 'Role', 'Status', 'Added', admin && { label: 'Actions', hidden: true }]} />
            <tbody>
              {users.data.items.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  self={isMe(me, user)}
                  lastAdmin={lastAdmin(user)}
                  actions={admin}
                  onChangeRole={() => setDialog({ kind: 'role', user })}
                  onRemove={() => setDialog({ kind: 'remove', user })}
                  onResent={setFocusAfterResend}
                />
              ))}
              <InvalidTableRows rows={users.data.invalid} columns={admin ? 5 : 4} noun="User" />
            </tbody>
          </table>
        </div>
        <Pagination
          total={users.data.total}
          page={search.page}
          size={search.size}
          sizes={USER_PAGE_SIZES}
          onChange={(page, size) => onSearchChange({ page, size })}
        />
      </>
    );
  }

  return (
    <Page
      id="users-title"
      title="Users"
      subtitle="Everyone in the organization, their role, and the invitations not yet accepted."
      actions={
        admin && (
          <Button variant="primary" onClick={() => setDialog({ kind: 'invite' })}>
            Invite user
          </Button>
        )
      }
    >
      <Notice reason={roleReason(me.role, 'users:manage')}>Only admins invite people, change roles and remove users.</Notice>
      <UsersToolbar search={search} onSearchChange={onSearchChange} />
      {body}

      {admin && (
        <>
          <InviteUserDialog open={dialog?.kind === 'invite'} onOpenChange={(open) => !open && setDialog(null)} />
          {dialog?.kind === 'role' && <ChangeRoleDialog user={dialog.user} self={isMe(me, dialog.user)} onClose={() => setDialog(null)} />}
          {dialog?.kind === 'remove' && (
            <RemoveUserDialog user={dialog.user} self={isMe(me, dialog.user)} onClose={() => setDialog(null)} />
          )}
        </>
      )}
    </Page>
  );
}

function UserRow({
  user,
  self,
  lastAdmin,
  actions,
  onChangeRole,
  onRemove,
  onResent,
}: {
  user: UserRead;
  self: boolean;
  lastAdmin: boolean;
  actions: boolean;
  onChangeRole: () => void;
  onRemove: () => void;
  onResent: (email: string) => void;
}) {
  const who = user.name ?? user.email;
  const invited = user.status === 'invited';
  // On the platform's clock, which decides whether the link still works.
  const expired = invited && user.invitation_expires_at !== null && Date.parse(user.invitation_expires_at) <= serverNow();
  const knownRole = isKnown(Role.options, user.role) ? user.role : null;
  const reasonId = `last-admin-${user.id}`;
  return (
    <tr>
      <th scope="row">
        <span className="cell-name">
          <span>
            {user.name ?? <span className="muted">Name not given yet</span>}
            {self && <span className="muted"> (you)</span>}
          </span>
          <span className="user-email">{wrappable(user.email)}</span>
        </span>
      </th>
      <td>{knownRole ? <Badge tone={ROLE_TONES[knownRole]}>{knownRole}</Badge> : <ValueBadge value={user.role} tones={{}} />}</td>
      <td>
        {!invited ? (
          user.status === null || user.status === 'active' ? (
            <Badge tone="success">active</Badge>
          ) : (
            <ValueBadge value={user.status} tones={{}} />
          )
        ) : expired ? (
          <Badge tone="warning">invitation expired</Badge>
        ) : (
          <span className="user-status">
            <Badge tone="info">invited</Badge>
            {user.invitation_expires_at && (
              <span className="muted">
                link expires <RelativeTime iso={user.invitation_expires_at} />
              </span>
            )}
          </span>
        )}
      </td>
      <td>
        <RelativeTime iso={user.created_at} />
      </td>
      {actions && (
        <td>
          <div className="row-actions">
            {expired && knownRole ? (
              <ResendInvitationButton email={user.email} role={knownRole} onSent={onResent} />
            ) : (
              <Button
                size="sm"
                aria-label={`Change the role of ${who}`}
                onClick={onChangeRole}
                disabled={lastAdmin}
                aria-describedby={lastAdmin ? reasonId : undefined}
              >
                Change role
              </Button>
            )}
            <Button
              size="sm"
              variant="ghost"
              className="btn-danger-text"
              aria-label={invited ? `Withdraw the invitation to ${user.email}` : `Remove ${who}`}
              onClick={onRemove}
              data-withdraw={invited ? user.email.toLowerCase() : undefined}
              disabled={lastAdmin}
              aria-describedby={lastAdmin ? reasonId : undefined}
            >
              {invited ? 'Withdraw' : 'Remove'}
            </Button>
          </div>
          {lastAdmin && (
            <p id={reasonId} className="muted last-admin-note">
              Last admin: make someone else an admin first
            </p>
          )}
        </td>
      )}
    </tr>
  );
}
