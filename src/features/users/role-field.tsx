import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';
import type { Role } from '@/contract/auth';
import { ROLE_ABILITIES, ROLES } from './role-words';

/** The three roles as radio cards, each with what it may do; `current` marks the role someone has now. */
export function RoleField<T extends FieldValues & { role?: string }>({
  register,
  error,
  legend = 'Role',
  current,
}: {
  register: UseFormRegister<T>;
  error?: string;
  legend?: string;
  current?: Role | null;
}) {
  return (
    <fieldset className="fieldset radio-cards">
      <legend>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className="radio-card">
          <input type="radio" value={role} {...register('role' as Path<T>)} />
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
          {error}
        </p>
      )}
    </fieldset>
  );
}
