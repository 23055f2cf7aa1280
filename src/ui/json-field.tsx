import { forwardRef } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { CodeEditorHandle } from './code-editor-support';
import { CodeField, CodeFormField, lazyEditor, type CodeFieldProps } from './code-field';

// CodeMirror loads with the first JSON field shown, never with the page that might show one.
const JsonEditor = lazyEditor(() => import('./json-editor').then((m) => m.JsonEditor));

export type JsonFieldProps = CodeFieldProps;

/** A labelled JSON editor with its hint and its error (see CodeField): the syntax error underlined at its place. */
export const JsonField = forwardRef<CodeEditorHandle, JsonFieldProps>(function JsonField(props, ref) {
  return <CodeField ref={ref} editor={JsonEditor} {...props} />;
});

/**
 * A JsonField bound to a server form's field. The text is checked as it is
 * typed, whatever the form's own mode: a syntax error shows at once, at its
 * line and column.
 */
export function JsonFormField<T extends FieldValues, TOutput>(
  props: { form: UseFormReturn<T, unknown, TOutput>; name: Path<T> } & Omit<JsonFieldProps, 'value' | 'onChange' | 'onBlur' | 'error'>,
) {
  return <CodeFormField field={JsonField} {...props} />;
}
