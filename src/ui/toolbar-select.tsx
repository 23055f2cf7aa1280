import type { ReactNode } from 'react';

/**
 * A list's filter in its toolbar: a short visible label over a select, which
 * the label names. `options` is the values in order, shown as `optionLabel`
 * words them (as themselves by default), or a record of each value's words.
 * What `onChange` receives is one of those values, of their type.
 */
export function ToolbarSelect<const T extends string | number>({
  label,
  value,
  options,
  optionLabel = String,
  onChange,
}: {
  label: string;
  value: NoInfer<T>;
  options: readonly T[] | Readonly<Record<T & string, ReactNode>>;
  optionLabel?: (value: T) => ReactNode;
  onChange: (value: T) => void;
}) {
  const choices = isList(options) ? options.map((v) => [v, optionLabel(v)] as const) : (Object.entries(options) as [T, ReactNode][]);
  return (
    <label className="toolbar-filter">
      <span>{label}</span>
      <select
        className="select"
        value={value}
        onChange={(e) => {
          const chosen = choices.find(([v]) => String(v) === e.target.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
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
