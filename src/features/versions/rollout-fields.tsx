import { cloneElement, useId, type InputHTMLAttributes, type ReactElement } from 'react';
import { useFieldArray, type FieldError, type UseFormReturn } from 'react-hook-form';
import { MAX_STEPS, minutesWords, presetSteps, ROLLOUT_PRESETS, type RolloutPreset } from '@/data/rollouts/rollout-plan';
import { Button } from '@/ui/button';
import { Segmented } from '@/ui/segmented';
import type { PublishValues } from './publish-form';

const PRESET_OPTIONS = [
  { value: 'canary', label: ROLLOUT_PRESETS.canary.label },
  { value: 'linear', label: ROLLOUT_PRESETS.linear.label },
  { value: 'custom', label: 'Custom' },
] as const;

const numberInput = { valueAsNumber: true } as const;

/**
 * The publish dialog's "Roll out gradually": the steps (a preset, or a list of
 * one's own) and the analysis limits. Lives beside the dialog, its only user
 * (features do not import each other); what it plans and checks is the
 * rollouts data layer's (`data/rollouts/rollout-plan.ts`).
 */
export function RolloutFields({
  form,
  draftVersion,
  baselineVersion,
}: {
  form: UseFormReturn<PublishValues>;
  draftVersion: number;
  /** The version the canary is compared with (the serving version with the most traffic once published). */
  baselineVersion: number | null;
}) {
  const { register, watch, setValue, formState } = form;
  const steps = useFieldArray({ control: form.control, name: 'rollout.steps' });
  const preset = watch('rollout.preset');
  const planned = watch('rollout.steps');
  const minRequests = watch('rollout.min_requests');
  const errors = formState.errors.rollout;
  const ids = { steps: useId(), limits: useId() };
  const baseline = baselineVersion === null ? 'the version serving now' : `v${baselineVersion}`;

  const choose = (next: RolloutPreset) => {
    setValue('rollout.preset', next);
    // Custom starts from the steps shown, to be edited; a preset replaces them.
    if (next !== 'custom') steps.replace(presetSteps(next));
  };
  const addStep = () => {
    // Before the last step (the one that reaches 100%), halfway from the one before it.
    const last = planned.length - 1;
    const before = planned[last - 1]?.percent ?? 0;
    const percent = Math.min(99, Math.max(1, Math.round((Number.isFinite(before) ? before + 100 : 100) / 2)));
    steps.insert(Math.max(last, 0), { percent, pause_minutes: 5 });
  };
  const stepsError = (errors?.steps as { root?: FieldError; message?: string } | undefined)?.root?.message ?? errors?.steps?.message;

  return (
    <div className="rollout-fields stack">
      <fieldset className="fieldset-plain fieldset-close rollout-steps" aria-describedby={`${ids.steps}-summary`}>
        <legend className="field-label">Steps</legend>
        <Segmented legend="Steps preset" name={`${ids.steps}-preset`} options={PRESET_OPTIONS} value={preset} onChange={choose} />
        <p id={`${ids.steps}-summary`} className="field-hint">
          {preset === 'custom'
            ? 'Your own steps: each percent higher than the one before, the last one 100%.'
            : ROLLOUT_PRESETS[preset].summary}
        </p>
        {preset === 'custom' ? (
          <ol className="rollout-step-rows">
            {steps.fields.map((field, i) => {
              const last = i === steps.fields.length - 1;
              const error = errors?.steps?.[i];
              return (
                <li key={field.id} className="rollout-step-row">
                  <span className="rollout-step-name">Step {i + 1}</span>
                  <span className="percent-input">
                    <input
                      className="input"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={100}
                      aria-label={`Step ${i + 1} percent`}
                      aria-invalid={error?.percent ? true : undefined}
                      {...register(`rollout.steps.${i}.percent`, numberInput)}
                    />
                    %
                  </span>
                  {last ? (
                    <span className="muted rollout-step-end">then done</span>
                  ) : (
                    <span className="percent-input">
                      for
                      <input
                        className="input"
                        type="number"
                        inputMode="decimal"
                        min={0}
                        step="any"
                        aria-label={`Step ${i + 1} pause in minutes`}
                        aria-invalid={error?.pause_minutes ? true : undefined}
                        {...register(`rollout.steps.${i}.pause_minutes`, numberInput)}
                      />
                      min
                    </span>
                  )}
                  {steps.fields.length > 1 && (
                    <Button size="sm" variant="ghost" aria-label={`Remove step ${i + 1}`} onClick={() => steps.remove(i)}>
                      Remove
                    </Button>
                  )}
                  {(error?.percent || error?.pause_minutes) && (
                    <p className="field-error rollout-step-error" role="alert">
                      {[error.percent?.message, error.pause_minutes?.message].filter(Boolean).join(' · ')}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        ) : (
          <ol className="inline-list rollout-track-preview" aria-label="Planned steps">
            {planned.map((s, i) => (
              <li key={i}>
                <strong>{s.percent}%</strong>
                <span className="muted">{i === planned.length - 1 ? 'done' : `for ${minutesWords(s.pause_minutes)}`}</span>
              </li>
            ))}
          </ol>
        )}
        {stepsError && (
          <p className="field-error" role="alert">
            {stepsError}
          </p>
        )}
        {preset === 'custom' && planned.length < MAX_STEPS && (
          <Button size="sm" onClick={addStep}>
            Add a step
          </Button>
        )}
      </fieldset>

      <fieldset className="fieldset-plain fieldset-close rollout-limits">
        <legend className="field-label">Analysis limits</legend>
        <LimitField
          label="Errors (5xx) at most"
          unit="%"
          error={errors?.max_error_percent?.message}
          input={
            <input type="number" inputMode="decimal" min={0} max={100} step="any" {...register('rollout.max_error_percent', numberInput)} />
          }
        />
        <LimitField
          label="Requests before deciding, at least"
          unit="requests"
          error={errors?.min_requests?.message}
          input={<input type="number" inputMode="numeric" min={1} step={1} {...register('rollout.min_requests', numberInput)} />}
        />
        <LimitField
          label="p95 latency at most"
          unit="ms"
          hint="Optional: empty for no latency limit."
          error={errors?.max_p95_ms?.message}
          input={
            <input
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              placeholder="no limit"
              {...register('rollout.max_p95_ms', {
                setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)),
              })}
            />
          }
        />
      </fieldset>
      <p className="field-hint">
        Version {draftVersion} is published at the first step’s percent, then moves on by itself. Over each step the platform compares its
        errors and p95 with these limits: within them at the end of the pause, it takes the next step; over them, once{' '}
        {Number.isFinite(minRequests) ? minRequests : 'enough'} requests were seen, it rolls back to {baseline} at once; with fewer requests
        it pauses for you to decide.
      </p>
    </div>
  );
}

/** A limit: its label, its number input and unit, its hint and its error, wired for screen readers. */
function LimitField({
  label,
  unit,
  hint,
  error,
  input,
}: {
  label: string;
  unit: string;
  hint?: string;
  error?: string;
  input: ReactElement<InputHTMLAttributes<HTMLInputElement>>;
}) {
  const id = useId();
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`rollout-limit${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="percent-input">
        {cloneElement(input, { id, className: 'input', 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
        <span aria-hidden="true">{unit}</span>
      </span>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
