import { forwardRef, useId } from 'react';
import { describeJsonSchemaText } from './json-schema-text';

/**
 * A JSON Schema edited as text, checked as it is typed: a syntax error or an
 * invalid schema is reported with its line, beside the textarea.
 */
export const JsonSchemaInput = forwardRef<
  HTMLTextAreaElement,
  { label: string; value: string; onChange: (text: string) => void; onBlur?: () => void; serverError?: string }
>(function JsonSchemaInput({ label, value, onChange, onBlur, serverError }, ref) {
  const id = useId();
  const check = describeJsonSchemaText(value);
  const error = check.ok ? serverError : check.message;
  const lines = value.split('\n').length;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="code-input">
        <pre className="code-gutter" aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <span key={i} className={!check.ok && check.line === i + 1 ? 'gutter-error' : undefined}>
              {i + 1}
              {'\n'}
            </span>
          ))}
        </pre>
        <textarea
          id={id}
          ref={ref}
          className="input mono code-textarea"
          rows={Math.min(Math.max(lines, 6), 18)}
          spellCheck={false}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
});
