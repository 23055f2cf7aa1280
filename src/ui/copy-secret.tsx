import './copy-secret.css';
import { useRef, useState, type ReactNode } from 'react';
import { toast } from 'sonner';

/**
 * Copying a secret that is shown once (a token, an API key, a public URL with
 * its credential): to the clipboard, or — where the browser refuses — its
 * field selected, with a word on how to copy it by hand.
 */
export function useCopySecret<E extends HTMLInputElement | HTMLTextAreaElement>(noun: string) {
  const [copied, setCopied] = useState(false);
  const field = useRef<E>(null);
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
