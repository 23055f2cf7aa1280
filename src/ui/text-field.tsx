import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldValues, Path, RegisterOptions, UseFormReturn } from 'react-hook-form';
import { Field } from './field';

type InputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'autoFocus' | 'placeholder' | 'inputMode' | 'min' | 'max' | 'step' | 'spellCheck'
>;

/**
 * A Field whose control is an input (a textarea with `rows`) registered with a
 * form: the label, hint and required mark of Field, the form's own error for
 * `name`. Most of the console's fields are this; one place wires them.
 */
export function TextField<T extends FieldValues, TOutput>({
  form,
  name,
  options,
  label,
  hint,
  required,
  code,
  rows,
  autoComplete = 'off',
  ...input
}: {
  form: UseFormReturn<T, unknown, TOutput>;
  name: Path<T>;
  /** `register`'s options: setValueAs, valueAsNumber, onChange. */
  options?: RegisterOptions<T, Path<T>>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Typed exactly (IDs, slugs, paths, regions, images): monospace and never spell-checked. */
  code?: boolean;
  /** A textarea of this many rows rather than an input. */
  rows?: number;
} & InputProps) {
  const { error } = form.getFieldState(name, form.formState);
  const className = code ? 'input mono' : 'input';
  const registered = form.register(name, options);
  return (
    <Field label={label} hint={hint} required={required} error={error?.message}>
      {rows ? (
        <textarea className={className} rows={rows} {...registered} />
      ) : (
        <input className={className} autoComplete={autoComplete} spellCheck={code ? false : undefined} {...input} {...registered} />
      )}
    </Field>
  );
}
