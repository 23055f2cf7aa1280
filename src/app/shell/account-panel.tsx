import { useNavigate } from '@tanstack/react-router';
import type { Me } from '@/data/auth/get-whoami';
import { useSignOut } from '@/data/auth/sign-out';

/** The account panel's contents (user-menu.tsx): who is signed in, with which role, and Sign out. */
export function AccountPanel({ me }: { me: Me }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <>
      <p className="menu-label">
        Signed in as <strong>{me.email}</strong>
        <br />
        Role: {me.role_unrecognized ?? (me.role_missing ? 'not given by the platform' : me.role)}
      </p>
      {(me.role_missing || me.role_unrecognized) && (
        <p className="menu-label account-role-notice" role="note">
          {me.role_unrecognized
            ? `The platform gives your role as “${me.role_unrecognized}”, which this console does not know.`
            : 'The platform did not say what your role is.'}{' '}
          The console treats you as a {me.role}, the least privileged role: what you can change is not offered here, and the platform still
          decides.
        </p>
      )}
      <div className="menu-separator" />
      <button
        type="button"
        className="menu-item"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: { redirect: undefined } }) })}
      >
        Sign out
      </button>
    </>
  );
}
