import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: 'sm' | 'md';
  /** Shows progress and keeps the button from being pressed twice. */
  pending?: boolean;
};

export function Button({
  variant = 'secondary',
  size = 'md',
  pending = false,
  className,
  children,
  disabled,
  type = 'button',
  onClick,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', className].filter(Boolean).join(' ')}
      disabled={disabled}
      // Pending, it stays focusable (a disabled button drops the focus to the page) but does nothing: a cancelled
      // click also cancels the submit it would make, Enter in a field included (implicit submission clicks it).
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={pending ? (e) => e.preventDefault() : onClick}
      {...rest}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
