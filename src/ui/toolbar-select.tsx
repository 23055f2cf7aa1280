import type { ReactNode } from 'react';

type Common<T extends string | number> = {
  label: string;
  /** The values in order, shown as `optionLabel` words them (as themselves by default), or a record of each value's words. */
  options: readonly T[] | Readonly<Record<T & string, ReactNode>>;
  optionLabel?: (value: T) => ReactNode;
};

/** Required: one of the options is chosen. */
type OneOf<T extends string | number> = Common<T> & { any?: undefined; value: NoInfer<T>; onChange: (value: T) => void };

/** Optional: `any` words the first option, which chooses none (`undefined`). */
type AnyOrOneOf<T extends string | number> = Common<T> & {
  any: string;
  value: NoInfer<T> | undefined;
  onChange: (value: T | undefined) => void;
};

/**
 * A list's filter in its toolbar: a short visible label over a select, which
 * the label names. What `onChange` receives is one of the options, of their type.
 */
export function ToolbarSelect<const T extends string | number>(props: OneOf<T>): ReactNode;
export function ToolbarSelect<const T extends string | number>(props: AnyOrOneOf<T>): ReactNode;
export function ToolbarSelect<const T extends string | number>({
  label,
  options,
  optionLabel = String,
  any,
  value,
  onChange,
}: OneOf<T> | AnyOrOneOf<T>) {
  const choices = isList(options) ? options.map((v) => [v, optionLabel(v)] as const) : (Object.entries(options) as [T, ReactNode][]);
  return (
    <label className="toolbar-filter">
      <span>{label}</span>
      <select
        className="select"
        value={value ?? ''}
        onChange={(e) => {
          const chosen = choices.find(([v]) => String(v) === e.target.value);
          if (chosen) onChange(chosen[0]);
          else if (any !== undefined) (onChange as (value: undefined) => void)(undefined);
        }}
      >
        {any !== undefined && <option value="">{any}</option>}
        {choices.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}

const isList = <T,>(options: readonly T[] | object): options is readonly T[] => Array.isArray(options);
