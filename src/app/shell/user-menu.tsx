import { useNavigate } from '@tanstack/react-router';
import { DropdownMenu } from 'radix-ui';
import { useWhoami } from '@/api/get-whoami';
import { useSignOut } from '@/features/auth/api/sign-out';
import { useTheme } from '../theme';

export function UserMenu() {
  const me = useWhoami();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { theme, toggle } = useTheme();
  return (
    <div className="topbar-end">
      <button type="button" className="btn btn-ghost btn-sm" onClick={toggle} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="btn btn-ghost user-button" aria-label={`Account: ${me.email}`}>
            <span className="avatar" aria-hidden="true">
              {me.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="user-name">{me.name}</span>
            <span className="badge badge-neutral">{me.role}</span>
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
            <DropdownMenu.Label className="menu-label">
              Signed in as <strong>{me.email}</strong>
            </DropdownMenu.Label>
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item
              className="menu-item"
              onSelect={() =>
                signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: { redirect: undefined } }) })
              }
            >
              Sign out
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
