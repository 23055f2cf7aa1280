import { ApiError, fieldName } from '@/lib/api-error';

export type BindingField = 'name' | 'connector_instance_id' | 'role';

/**
 * The service PUT answers for the whole map; the issues about this binding
 * (`connector_bindings.<name>[.field]`) land on its fields, the rest is a message.
 */
export function bindingErrors(error: unknown, bindingName: string): { fields: Partial<Record<BindingField, string>>; message: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, message: error instanceof Error ? error.message : 'Something went wrong.' };
  if (error.issues.length === 0) return { fields: {}, message: error.message };
  const fields: Partial<Record<BindingField, string>> = {};
  const rest: string[] = [];
  const prefix = `connector_bindings.${bindingName}`;
  for (const issue of error.issues) {
    const name = fieldName(issue.loc) ?? '';
    const sub = name === prefix ? 'name' : name.startsWith(`${prefix}.`) ? name.slice(prefix.length + 1) : null;
    if (sub === 'name' || sub === 'connector_instance_id' || sub === 'role') fields[sub] ??= issue.msg;
    else rest.push(name ? `${name}: ${issue.msg}` : issue.msg);
  }
  return { fields, message: rest.length ? rest.join(' ') : null };
}
