import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { configureEnglishMessages } from '@/contract/locale';
import { ApiError, fieldName } from './api-error';

// Every form loads this module, and none is on the first page: a check without
// a message of its own reads in English here, and the services list does not
// download zod's messages.
configureEnglishMessages();

/**
 * Where a server issue lands: the form's field names (an issue about `a.b`
 * lands on the field `a.b`, or on `a` when only `a` is listed), or a function
 * from the server's field name to a form field (null: no field).
 */
export type ServerFields = readonly string[] | ((serverField: string) => string | null);

/**
 * Put a failed request's errors where the user will look: each 422/409 issue
 * whose `loc` names a form field lands on that field; everything else comes
 * back as a form-level message. Returns that message, or null if every issue
 * found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: ServerFields,
): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  if (error.issues.length === 0) return error.message;
  const leftovers: string[] = [];
  let focused = false;
  for (const issue of error.issues) {
    const name = fieldName(issue.loc);
    const field = name && (typeof fields === 'function' ? fields(name) : fields.find((f) => name === f || name.startsWith(`${f}.`)));
    if (field) {
      setError(field as Path<T>, { type: 'server', message: issue.msg }, { shouldFocus: !focused });
      focused = true;
    } else {
      leftovers.push(name ? `${name}: ${issue.msg}` : issue.msg);
    }
  }
  return leftovers.length ? leftovers.join(' ') : null;
}
