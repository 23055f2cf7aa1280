import { forwardRef, lazy, Suspense, type ReactNode } from 'react';
import { useController, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { Field } from './field';
import type { JsonEditorHandle } from './json-editor';
import { Skeleton } from './skeleton';

// CodeMirror loads with the first JSON field shown, never with the page that might show one.
const JsonEditor = lazy(() => import('./json-editor').then((m) => ({ default: m.JsonEditor })));

type EditorProps = {
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  minLines: number;
  // Given by Field:
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
};

/** The editor as Field's control: named by Field's label, described by its error and hint. */
const LazyJsonEditor = forwardRef<JsonEditorHandle, EditorProps>(function LazyJsonEditor({ id, minLines, ...props }, ref) {
  return (
    <Suspense fallback={<Skeleton height={`${minLines * 1.45 + 0.8}em`} />}>
      <JsonEditor
        ref={ref}
        value={props.value}
        onChange={props.onChange}
        onBlur={props.onBlur}
        labelledBy={`${id}-label`}
        describedBy={props['aria-describedby']}
        invalid={!!props['aria-invalid']}
        required={props['aria-required']}
        minLines={minLines}
      />
    </Suspense>
  );
});

export type JsonFieldProps = {
  label: string;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  /** What is wrong with the text: the form's check (syntax at line and column, then the schema), or the platform's. */
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  /** The height the editor keeps while its text is shorter (default 6 lines). */
  minLines?: number;
};

/**
 * A labelled JSON editor with its hint and its error: the editor's text area
 * is a textbox named by the label. Tab leaves it, as in any form; the hint says
 * how to indent instead.
 */
export const JsonField = forwardRef<JsonEditorHandle, JsonFieldProps>(function JsonField(
  { label, error, hint, required, minLines = 6, ...editor },
  ref,
) {
  return (
    <Field
      label={label}
      error={error}
      required={required}
      hint={
        <>
          {hint}
          {hint ? ' ' : ''}Tab moves to the next field; Ctrl+] and Ctrl+[ indent.
        </>
      }
    >
      <LazyJsonEditor ref={ref} minLines={minLines} {...editor} />
    </Field>
  );
});

/**
 * A JsonField bound to a server form's field. The text is checked as it is
 * typed, whatever the form's own mode: a syntax error shows at once, at its
 * line and column.
 */
export function JsonFormField<T extends FieldValues, TOutput>({
  form,
  name,
  ...props
}: { form: UseFormReturn<T, unknown, TOutput>; name: Path<T> } & Omit<JsonFieldProps, 'value' | 'onChange' | 'onBlur' | 'error'>) {
  const { field, fieldState } = useController({ control: form.control, name });
  return (
    <JsonField
      {...props}
      ref={field.ref}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(text) => {
        field.onChange(text);
        void form.trigger(name);
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
