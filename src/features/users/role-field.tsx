import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { Role } from '@/contract/auth';
import { ROLE_ABILITIES, ROLES } from './role-words';

/** The form's `role` as three radio cards, each with what it may do, and its error; `current` marks the role someone has now. */
export function RoleField<T extends FieldValues & { role?: string }, TOutput>({
  form,
  legend = 'Role',
  current,
}: {
  form: UseFormReturn<T, unknown, TOutput>;
  legend?: string;
  current?: Role | null;
}) {
  const name = 'role' as Path<T>;
  const { error } = form.getFieldState(name, form.formState);
  return (
    <fieldset className="fieldset radio-cards">
      <legend>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className="radio-card">
          <input type="radio" value={role} {...form.register(name)} />
          <span>
            <strong>
              {role[0]!.toUpperCase() + role.slice(1)}
              {role === current && <span className="muted"> (current)</span>}
            </strong>
            <span className="muted">{ROLE_ABILITIES[role]}</span>
          </span>
        </label>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}
