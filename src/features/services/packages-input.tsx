import { forwardRef, useEffect, useState } from 'react';

function parse(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** System packages typed as "libgomp1, curl"; the form holds them as an array. */
export const PackagesInput = forwardRef<
  HTMLInputElement,
  { value: string[] | undefined; onChange: (value: string[]) => void; onBlur: () => void; disabled?: boolean } & Omit<
    React.InputHTMLAttributes<HTMLInputElement>,
    'value' | 'onChange'
  >
>(function PackagesInput({ value, onChange, onBlur, ...rest }, ref) {
  const [text, setText] = useState((value ?? []).join(', '));
  useEffect(() => {
    // Follow outside resets (e.g. the form reset after a save) without fighting the user's typing.
    if (parse(text).join(',') !== (value ?? []).join(',')) setText((value ?? []).join(', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only react to outside changes of value
  }, [value]);
  return (
    <input
      {...rest}
      ref={ref}
      className="input mono"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
      onBlur={onBlur}
      autoComplete="off"
      spellCheck={false}
    />
  );
});
