import './copy-secret.css';
import { useRef, useState, type FocusEvent, type ReactNode, type RefObject } from 'react';
import { toast } from 'sonner';

/**
 * Copying a secret that is shown once (a token, an API key, a public URL with
 * its credential): to the clipboard, or — where the browser refuses — its
 * field selected, with a word on how to copy it by hand.
 */
export function useCopySecret(noun: string) {
  const [copied, setCopied] = useState(false);
  const field = useRef<Selectable>(null);
  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      field.current?.select();
      toast.error(`Could not copy automatically: the ${noun} is selected, press Ctrl+C (⌘C).`);
    }
  };
  return { copied, field, copy, forget: () => setCopied(false) };
}

type Selectable = { select: () => void };

/**
 * The secret itself, read-only and selected on focus, so it can be copied by
 * hand. `rows` makes it a text area, for a long one (a token) that wraps.
 */
export function SecretField({
  id,
  label,
  value,
  field,
  rows,
  hint,
}: {
  id: string;
  label: ReactNode;
  value: string;
  /** `useCopySecret`'s field: selected when the browser refuses to copy. */
  field: RefObject<Selectable | null>;
  rows?: number;
  hint?: ReactNode;
}) {
  const control = {
    id,
    ref: (element: Selectable | null) => {
      field.current = element;
    },
    readOnly: true,
    value,
    onFocus: (e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.currentTarget.select(),
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {rows ? <textarea {...control} className="input mono secret-multiline" rows={rows} /> : <input {...control} className="input mono" />}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/** Said, for screen readers too, once the secret is on the clipboard. */
export function CopyStatus({ copied }: { copied: boolean }) {
  return (
    <span className="copy-status" role="status">
      {copied ? 'Copied to the clipboard.' : ''}
    </span>
  );
}

/** What the user must know before the dialog closes: it is not shown again, or it is a credential. */
export function SecretWarning({ children, urgent = false }: { children: ReactNode; urgent?: boolean }) {
  return (
    <p className="secret-warning" role={urgent ? 'alert' : 'note'}>
      {children}
    </p>
  );
}
