/**
 * The account panel's contents load at the page's first input (app/first-input.ts): before any, the panel
 * is there but empty; the first input brings who is signed in and Sign out, ready when the panel opens.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { whoamiQueryOptions } from '@/data/auth/get-whoami';
import { UserMenu } from './user-menu';

test('the account panel fills in at the first input, with who is signed in and Sign out', async () => {
  const queryClient = new QueryClient();
  queryClient.setQueryData(whoamiQueryOptions().queryKey, {
    id: 'u1',
    org_id: 'o1',
    email: 'dev@example.com',
    name: 'Dev Developer',
    role: 'developer',
    role_unrecognized: null,
    role_missing: false,
  });
  const router = createRouter({
    routeTree: createRootRoute({ component: UserMenu }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const account = await screen.findByRole('button', { name: 'Account: dev@example.com' });
  // The panel is a closed popover (hidden), which jsdom does not name: it is the one dialog there is.
  const panel = screen.getByRole('dialog', { hidden: true });
  expect(panel.getAttribute('aria-label')).toBe('Account');
  expect(panel.childElementCount).toBe(0);

  fireEvent.pointerDown(account);
  await within(panel).findByRole('button', { name: 'Sign out', hidden: true });
  expect(within(panel).getByText('dev@example.com').tagName).toBe('STRONG');
});
