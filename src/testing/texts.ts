import { screen, within, type ByRoleMatcher } from '@testing-library/react';

/** What each `item` (by role) inside the element of this role and name says, in order: a list as a user reads it. */
export const textsIn = (role: ByRoleMatcher, name: string, item: ByRoleMatcher) =>
  within(screen.getByRole(role, { name }))
    .getAllByRole(item)
    .map((element) => element.textContent);
