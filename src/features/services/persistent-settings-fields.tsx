import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { PERSISTENT_DEFAULTS } from '@/contract/services';
import { Field } from '@/ui/field';
import { PackagesInput } from './packages-input';
import { nullableNumber, nullableText } from '@/lib/form-schema';

export type PersistentSettingsValues = {
  min_replicas?: number;
  max_replicas?: number;
  concurrency_per_replica?: number;
  scale_threshold?: number | null;
  startup_timeout_seconds?: number | null;
  base_image?: string | null;
  system_packages?: string[];
};

/** The persistent-mode settings of seed 000, with their documented defaults. */
export function PersistentSettingsFields<T extends PersistentSettingsValues>({
  register,
  control,
  errors,
  disabled,
}: {
  register: UseFormRegister<T>;
  control: Control<T>;
  errors: FieldErrors<T>;
  disabled?: boolean;
}) {
  // The generic form is narrowed to the persistent fields it is known to contain.
  const reg = register as unknown as UseFormRegister<PersistentSettingsValues>;
  const ctl = control as unknown as Control<PersistentSettingsValues>;
  const err = errors as FieldErrors<PersistentSettingsValues>;
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Persistent settings</legend>
      <div className="grid-2">
        <Field
          label="Min replicas"
          hint={`Minimum running instances; 0 allows scale-to-zero. Default ${PERSISTENT_DEFAULTS.min_replicas}.`}
          error={err.min_replicas?.message}
        >
          <input className="input" type="number" inputMode="numeric" min={0} max={100} {...reg('min_replicas', { valueAsNumber: true })} />
        </Field>
        <Field
          label="Max replicas"
          hint={`Maximum instances under load. Default ${PERSISTENT_DEFAULTS.max_replicas}.`}
          error={err.max_replicas?.message}
        >
          <input className="input" type="number" inputMode="numeric" min={1} max={100} {...reg('max_replicas', { valueAsNumber: true })} />
        </Field>
        <Field
          label="Concurrency per replica"
          hint={`Max concurrent requests per instance. Default ${PERSISTENT_DEFAULTS.concurrency_per_replica}.`}
          error={err.concurrency_per_replica?.message}
        >
          <input
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            {...reg('concurrency_per_replica', { valueAsNumber: true })}
          />
        </Field>
        <Field label="Scale threshold" hint="Custom scaling metric threshold. Empty means auto." error={err.scale_threshold?.message}>
          <input
            className="input"
            type="number"
            inputMode="decimal"
            step="any"
            placeholder="auto"
            {...reg('scale_threshold', { setValueAs: nullableNumber })}
          />
        </Field>
        <Field
          label="Startup timeout (seconds)"
          hint="How long to wait for container startup. Empty means the platform's default."
          error={err.startup_timeout_seconds?.message}
        >
          <input
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={3600}
            placeholder="platform default"
            {...reg('startup_timeout_seconds', { setValueAs: nullableNumber })}
          />
        </Field>
        <Field label="Base image" hint="Custom Docker base image. Empty means the platform default." error={err.base_image?.message}>
          <input
            className="input mono"
            placeholder="platform default"
            autoComplete="off"
            spellCheck={false}
            {...reg('base_image', { setValueAs: nullableText })}
          />
        </Field>
      </div>
      <Controller
        control={ctl}
        name="system_packages"
        render={({ field, fieldState }) => (
          <Field
            label="System packages"
            hint="OS packages to install in the container, separated by commas or spaces (e.g. libgomp1)."
            error={fieldState.error?.message ?? firstItemError(fieldState.error)}
          >
            <PackagesInput
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              placeholder="libgomp1, curl"
            />
          </Field>
        )}
      />
    </fieldset>
  );
}

/** An array field's error may sit on one item ("system_packages.1"). */
function firstItemError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  for (const value of Object.values(error)) {
    if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') return value.message;
  }
  return undefined;
}
