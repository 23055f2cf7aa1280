import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { nullableText } from '@/lib/form-schema';
import { TextField } from './text-field';

type Values = { region: string | null; notes: string };

/** A form with a text field and a textarea; submitting reports what register read, and `region` refuses "bad". */
function Harness({ onValid }: { onValid: (values: Values) => void }) {
  const form = useForm<Values>({ defaultValues: { region: null, notes: '' } });
  const submit = form.handleSubmit((values) => {
    if (values.region === 'bad') form.setError('region', { message: 'Not a region' });
    else onValid(values);
  });
  return (
    <form onSubmit={submit} noValidate>
      <TextField form={form} name="region" label="Region" required code hint="e.g. us-central1" options={{ setValueAs: nullableText }} />
      <TextField form={form} name="notes" label="Notes" rows={4} />
      <button type="submit">Save</button>
    </form>
  );
}

describe('TextField', () => {
  it('labels its control, marks it required, and reads it with register’s options', async () => {
    const onValid = vi.fn();
    const user = userEvent.setup();
    render(<Harness onValid={onValid} />);
    const region = screen.getByRole('textbox', { name: 'Region' });
    expect(region.className).toBe('input mono');
    expect(region.getAttribute('spellcheck')).toBe('false');
    expect(region.getAttribute('autocomplete')).toBe('off');
    expect(region.getAttribute('aria-required')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Notes' }).tagName).toBe('TEXTAREA');

    await user.type(region, '  europe-west1 ');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'first');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onValid).toHaveBeenCalledWith({ region: 'europe-west1', notes: 'first' }));
  });

  it('shows the form’s error for its name, described and invalid, beside its hint', async () => {
    const user = userEvent.setup();
    render(<Harness onValid={() => {}} />);
    const region = screen.getByRole('textbox', { name: 'Region' });
    await user.type(region, 'bad');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not a region');
    expect(region.getAttribute('aria-invalid')).toBe('true');
    const described = (region.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Not a region', 'e.g. us-central1']);
    expect(screen.getByRole('textbox', { name: 'Notes' }).getAttribute('aria-invalid')).toBeNull();
  });
});
