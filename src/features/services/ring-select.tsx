import type { UseQueryResult } from '@tanstack/react-query';
import { forwardRef } from 'react';
import type { Page } from '@/contract/common';
import type { RingRead } from '@/contract/rings';
import { Field } from '@/ui/field';
import { NO_RING } from './ring-label';

type Props = {
  rings: UseQueryResult<Page<RingRead>>;
  required?: boolean;
  error?: string;
} & React.SelectHTMLAttributes<HTMLSelectElement>;

/**
 * The deployment ring picker, in promotion order. Required for invocation
 * services; optional for persistent ones, whose empty choice says why.
 */
export const RingSelect = forwardRef<HTMLSelectElement, Props>(function RingSelect({ rings, required, error, ...select }, ref) {
  const count = rings.data?.items.length;
  const loadError = rings.isError ? `Rings could not be loaded: ${rings.error.message}` : undefined;
  return (
    <Field
      label="Ring"
      required={required}
      hint={
        required
          ? 'Required for invocation mode: the deployment ring the service runs in.'
          : 'Optional for persistent services: they run on their own deployment.'
      }
      error={error ?? loadError}
    >
      {/* A new select once the rings arrive, and when one is added (New Service creates a workspace's first ring): the
          form sets its value when the select mounts, and a select cannot show a value whose option is not there yet
          (Settings showed "Choose a ring" for a service that has one). */}
      <select key={rings.data?.items.length ?? 'loading'} className="select" ref={ref} disabled={rings.isPending} {...select}>
        <option value="">
          {rings.isPending ? 'Loading rings…' : count === 0 ? 'No rings in this workspace yet' : required ? 'Choose a ring' : NO_RING}
        </option>
        {rings.data?.items.map((ring) => (
          <option key={ring.id} value={ring.id}>
            {ring.name}
            {ring.description ? ` — ${ring.description}` : ''}
          </option>
        ))}
      </select>
    </Field>
  );
});
