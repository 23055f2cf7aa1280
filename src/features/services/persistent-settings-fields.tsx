import { Controller, type UseFormReturn } from 'react-hook-form';
import { PERSISTENT_DEFAULTS } from '@/contract/services';
import { Field } from '@/ui/field';
import { TextField } from '@/ui/text-field';
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

type NumberSetting = {
  name: 'min_replicas' | 'max_replicas' | 'concurrency_per_replica' | 'scale_threshold' | 'startup_timeout_seconds';
  label: string;
  hint: string;
  min?: number;
  max?: number;
  /** Not only whole numbers. */
  decimal?: boolean;
  /** What an empty field means, for a setting that may be empty (null: the platform decides). */
  empty?: string;
};

/** The numeric settings with their bounds; a documented default is added to the hint. */
const NUMBER_SETTINGS: NumberSetting[] = [
  { name: 'min_replicas', label: 'Min replicas', hint: 'Minimum running instances; 0 allows scale-to-zero.', min: 0, max: 100 },
  { name: 'max_replicas', label: 'Max replicas', hint: 'Maximum instances under load.', min: 1, max: 100 },
  { name: 'concurrency_per_replica', label: 'Concurrency per replica', hint: 'Max concurrent requests per instance.', min: 1, max: 1000 },
  {
    name: 'scale_threshold',
    label: 'Scale threshold',
    hint: 'Custom scaling metric threshold. Empty means auto.',
    decimal: true,
    empty: 'auto',
  },
  {
    name: 'startup_timeout_seconds',
    label: 'Startup timeout (seconds)',
    hint: "How long to wait for container startup. Empty means the platform's default.",
    min: 1,
    max: 3600,
    empty: 'platform default',
  },
];

/** The persistent-mode settings of seed 000, with their documented defaults. */
export function PersistentSettingsFields<T extends PersistentSettingsValues, TOutput>({
  form: typed,
  disabled,
}: {
  form: UseFormReturn<T, unknown, TOutput>;
  disabled?: boolean;
}) {
  // The generic form is narrowed to the persistent fields it is known to contain.
  const form = typed as unknown as UseFormReturn<PersistentSettingsValues>;
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Persistent settings</legend>
      <div className="grid-2">
        {NUMBER_SETTINGS.map(({ name, label, hint, min, max, decimal, empty }) => {
          const byDefault = PERSISTENT_DEFAULTS[name];
          return (
            <TextField
              key={name}
              form={form}
              name={name}
              label={label}
              hint={byDefault === null ? hint : `${hint} Default ${byDefault}.`}
              type="number"
              inputMode={decimal ? 'decimal' : 'numeric'}
              min={min}
              max={max}
              step={decimal ? 'any' : undefined}
              placeholder={empty}
              options={empty === undefined ? { valueAsNumber: true } : { setValueAs: nullableNumber }}
            />
          );
        })}
        <TextField
          form={form}
          name="base_image"
          label="Base image"
          hint="Custom Docker base image. Empty means the platform default."
          code
          placeholder="platform default"
          options={{ setValueAs: nullableText }}
        />
      </div>
      <Controller
        control={form.control}
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
