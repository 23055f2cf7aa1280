import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { useServerForm } from '@/lib/use-server-form';
import { FormFooter } from './form-footer';
import { TextField } from './text-field';

const Named = z.object({ name: z.string().check(z.minLength(1)) });

/** A server form whose sending waits until the test lets it finish. */
function Harness({ send }: { send: (name: string, key: string) => Promise<unknown> }) {
  const server = useServerForm({
    schema: Named,
    fields: ['name'],
    defaultValues: { name: '' },
    send: (v, { idempotencyKey }) => send(v.name, idempotencyKey),
  });
  return (
    <form onSubmit={server.onSubmit} noValidate>
      <TextField form={server.form} name="name" label="Name" />
      <FormFooter form={server} submit={{ label: 'Create' }} />
    </form>
  );
}

describe('Button', () => {
  it('keeps the focus while its form sends, and neither a click nor Enter sends again', async () => {
    let finish = () => {};
    const send = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    render(<Harness send={send} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Staging');
    const create = screen.getByRole('button', { name: 'Create' });
    await user.click(create);

    await waitFor(() => expect(create.getAttribute('aria-disabled')).toBe('true'));
    expect(create.getAttribute('aria-busy')).toBe('true');
    expect(create.querySelector('.spinner')).not.toBeNull();
    expect(create.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(create);

    await user.click(create);
    await user.keyboard('{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '{Enter}');
    expect(send).toHaveBeenCalledTimes(1);

    create.focus();
    finish();
    await waitFor(() => expect(create.getAttribute('aria-disabled')).toBeNull());
    expect(document.activeElement).toBe(create);
    expect(create.querySelector('.spinner')).toBeNull();
  });

  it('sends again once the first send is over', async () => {
    const send = vi.fn((_name: string, _key: string) => Promise.resolve());
    const user = userEvent.setup();
    render(<Harness send={send} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Staging');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
  });
});
