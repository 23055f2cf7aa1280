import { forwardRef } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { CodeEditorHandle } from './code-editor-support';
import { CodeField, CodeFormField, lazyEditor, type CodeFieldProps } from './code-field';

// CodeMirror and its SQL language load with the first SQL field shown.
const SqlEditor = lazyEditor(() => import('./sql-editor').then((m) => m.SqlEditor));

/** A labelled SQL editor with its hint and its error (see CodeField). */
export const SqlField = forwardRef<CodeEditorHandle, CodeFieldProps>(function SqlField(props, ref) {
  return <CodeField ref={ref} editor={SqlEditor} {...props} />;
});

/** A SqlField bound to a server form's field, checked as it is typed. */
export function SqlFormField<T extends FieldValues, TOutput>(
  props: { form: UseFormReturn<T, unknown, TOutput>; name: Path<T> } & Omit<CodeFieldProps, 'value' | 'onChange' | 'onBlur' | 'error'>,
) {
  return <CodeFormField field={SqlField} {...props} />;
}
