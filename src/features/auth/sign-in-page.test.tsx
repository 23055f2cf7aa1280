import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getSession } from '@/lib/session';
import { renderFeature } from '@/testing/render';
import { SignInPage } from './sign-in-page';

describe('the sign-in page', () => {
  it('after a wrong password, empties it and puts the keyboard back in it; the right one signs in', async () => {
    const onSignedIn = vi.fn();
    const { user } = await renderFeature(<SignInPage onSignedIn={onSignedIn} />);
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'admin@example.com');
    const password = screen.getByLabelText('Password');
    await user.type(password, 'not it');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password.');
    expect((password as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(password));

    // Typing goes straight into it.
    await user.keyboard('password{Enter}');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(getSession()).not.toBeNull();
  });

  it('after a key that is not valid, puts the keyboard back in the emptied key field', async () => {
    const { user } = await renderFeature(<SignInPage onSignedIn={() => {}} />);
    await user.click(await screen.findByRole('tab', { name: 'API key' }));
    const key = await screen.findByLabelText('API key', { selector: 'input' });
    await user.type(key, 'fl_not_a_real_key_at_all_0000000000');
    await user.click(screen.getByRole('button', { name: 'Sign in with API key' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That API key is not valid');
    expect((key as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(key));
  });

  it('says the session ended when that is why it is shown, and nothing of the kind otherwise', async () => {
    const { unmount } = await renderFeature(<SignInPage onSignedIn={() => {}} sessionEnded />);
    expect((await screen.findByRole('status')).textContent).toBe('Your session ended. Sign in again to go back to where you were.');
    unmount();
    await renderFeature(<SignInPage onSignedIn={() => {}} />);
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.queryByText(/Your session ended/)).toBeNull();
  });

  it('keeps the email typed on one tab for the other: password to single sign-on and back', async () => {
    const { user } = await renderFeature(<SignInPage onSignedIn={() => {}} />);
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'developer@example.com');
    await user.click(screen.getByRole('tab', { name: 'Single sign-on' }));
    const work = await screen.findByRole('textbox', { name: 'Work email' });
    expect((work as HTMLInputElement).value).toBe('developer@example.com');
    await user.clear(work);
    await user.type(work, 'viewer@example.com');
    await user.click(screen.getByRole('tab', { name: 'Email and password' }));
    expect(((await screen.findByRole('textbox', { name: 'Email' })) as HTMLInputElement).value).toBe('viewer@example.com');
  });
});
