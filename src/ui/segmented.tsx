/**
 * A choice of one among a few, shown side by side (the language of a stub or
 * a snippet): radio buttons in a fieldset, so the keyboard and screen readers
 * treat them as one group; its legend names it for screen readers only.
 */
export function Segmented<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  className,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <fieldset className={className ? `segmented ${className}` : 'segmented'}>
      <legend className="visually-hidden">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="segmented-option">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
