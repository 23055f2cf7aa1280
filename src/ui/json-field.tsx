import { forwardRef, lazy, Suspense, useId, type ReactNode } from 'react';
import { useController, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { JsonEditorHandle } from './json-editor';
import { Skeleton } from './skeleton';

// CodeMirror loads with the first JSON field shown, never with the page that might show one.
const JsonEditor = lazy(() => import('./json-editor').then((m) => ({ default: m.JsonEditor })));

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
 * A labelled JSON editor with its hint and its error, wired for screen
 * readers like Field: the editor's text area is a textbox named by the label
 * and described by the error and the hint. Tab leaves it, as in any form.
 */
export const JsonField = forwardRef<JsonEditorHandle, JsonFieldProps>(function JsonField({ label, value, onChange, onBlur, error, hint, required, minLines = 6 }, ref) {
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = error ? `${id}-error` : undefined;
  const hintId = `${id}-hint`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span id={labelId} className="field-label">
        {label}
        {required && <span className="field-required" aria-hidden="true"> *</span>}
      </span>
      <Suspense fallback={<Skeleton height={`${minLines * 1.45 + 0.8}em`} />}>
        <JsonEditor
          ref={ref}
          value={value}
          onChange={onChange}
          onBlur={onBlur}
          labelledBy={labelId}
          describedBy={[errorId, hintId].filter(Boolean).join(' ')}
          invalid={!!error}
          required={required}
          minLines={minLines}
        />
      </Suspense>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={hintId} className="field-hint">
        {hint}{hint ? ' ' : ''}Tab moves to the next field; Ctrl+] and Ctrl+[ indent.
      </p>
    </div>
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
