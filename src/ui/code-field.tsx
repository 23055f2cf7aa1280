import { forwardRef, lazy, Suspense, type ComponentType, type ReactNode, type RefAttributes } from 'react';
import { useController, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { CodeEditorHandle, CodeEditorProps } from './code-editor-support';
import { Field } from './field';
import { Skeleton } from './skeleton';

type Editor = ComponentType<CodeEditorProps & RefAttributes<CodeEditorHandle>>;

/** A code editor that loads with the first field shown, never with the page that might show one. */
export const lazyEditor = (load: () => Promise<Editor>) => lazy(() => load().then((editor) => ({ default: editor })));

type EditorProps = {
  editor: ReturnType<typeof lazyEditor>;
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
const FieldEditor = forwardRef<CodeEditorHandle, EditorProps>(function FieldEditor({ editor: Editor, id, minLines, ...props }, ref) {
  return (
    <Suspense fallback={<Skeleton height={`${minLines * 1.45 + 0.8}em`} />}>
      <Editor
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

export type CodeFieldProps = {
  label: string;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  /** What is wrong with the text: the form's check, or the platform's. */
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  /** The height the editor keeps while its text is shorter (default 6 lines). */
  minLines?: number;
};

/**
 * A labelled code editor with its hint and its error: the editor's text area
 * is a textbox named by the label. Tab leaves it, as in any form; the hint says
 * how to indent instead.
 */
export const CodeField = forwardRef<CodeEditorHandle, CodeFieldProps & { editor: ReturnType<typeof lazyEditor> }>(function CodeField(
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
      <FieldEditor ref={ref} minLines={minLines} {...editor} />
    </Field>
  );
});

/**
 * A code field bound to a server form's field. The text is checked as it is
 * typed, whatever the form's own mode: an error shows at once.
 */
export function CodeFormField<T extends FieldValues, TOutput>({
  form,
  name,
  field: Shown,
  ...props
}: {
  form: UseFormReturn<T, unknown, TOutput>;
  name: Path<T>;
  field: ComponentType<CodeFieldProps & RefAttributes<CodeEditorHandle>>;
} & Omit<CodeFieldProps, 'value' | 'onChange' | 'onBlur' | 'error'>) {
  const { field, fieldState } = useController({ control: form.control, name });
  return (
    <Shown
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
