import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';

const MODES = [
  { value: 'invocation', label: 'Invocation', hint: 'Stateless, fast operations. No cold start; scales automatically per request.' },
  {
    value: 'persistent',
    label: 'Persistent',
    hint: 'Stateful, ML inference, high throughput. Replica-based autoscaling; needs a build and deploy.',
  },
] as const;

export function ExecutionModeField<T extends FieldValues & { execution_mode?: string }>({
  register,
  error,
  disabled,
  disabledReason,
}: {
  register: UseFormRegister<T>;
  error?: string;
  disabled?: boolean;
  disabledReason?: string;
}) {
  return (
    <fieldset className="fieldset radio-cards" disabled={disabled} aria-describedby={disabledReason ? 'mode-disabled-reason' : undefined}>
      <legend>Execution Mode</legend>
      {MODES.map((m) => (
        <label key={m.value} className="radio-card">
          <input type="radio" value={m.value} {...register('execution_mode' as Path<T>)} />
          <span>
            <strong>{m.label}</strong>
            <span className="muted">{m.hint}</span>
          </span>
        </label>
      ))}
      {disabledReason && (
        <p id="mode-disabled-reason" className="field-hint">
          {disabledReason}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
