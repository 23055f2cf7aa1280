import { dequal } from 'dequal';
import { useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';

/**
 * Whether what a form holds differs from its defaults, field by field. A
 * default with no value beside it belongs to a field the form does not show
 * now (`shouldUnregister` drops its value) and that gets its default back
 * when shown again: not a change.
 */
export function differsFromDefaults(values: object, defaults: object | undefined): boolean {
  const initial: Record<string, unknown> = { ...defaults };
  return Object.entries(values).some(([name, value]) => !dequal(value, initial[name]));
}

/**
 * Whether the user has changed the form: its values against its defaults as
 * they stand now, so defaults that arrive after the first render (through
 * `values` or `reset()`, as a record loads) are no change. This is what the
 * unsaved-changes guard asks about. Not react-hook-form's `isDirty`: that also
 * compares the defaults of fields not shown, so with `shouldUnregister` (New
 * Service's persistent settings) a form nobody touched read as changed as
 * soon as anything made it compare again — StrictMode's second effect in
 * development, a letter typed and erased in production.
 */
export function useFormChanged<T extends FieldValues, C, O>(form: UseFormReturn<T, C, O>): boolean {
  const values = useWatch({ control: form.control });
  return differsFromDefaults(values, form.formState.defaultValues);
}
