import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * A form sent as a user sends it: each textbox in `container` named in `fields`
 * cleared and typed into, then the button named `submit` pressed.
 */
export async function fillAndSubmit(user: UserEvent, container: HTMLElement, fields: Record<string, string>, submit: string) {
  for (const [name, text] of Object.entries(fields)) {
    const box = within(container).getByRole('textbox', { name });
    await user.clear(box);
    await user.type(box, text);
  }
  await user.click(within(container).getByRole('button', { name: submit }));
}
