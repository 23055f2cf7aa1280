import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/ui/button';
import type { SavedRequest } from './saved-requests';

/**
 * The endpoint's saved requests (as Lambda's test events): save what the form
 * holds under a name, use one, delete one. Kept in this browser only.
 */
export function SavedRequestsList({
  endpointLabel,
  saved,
  onSave,
  onUse,
  onDelete,
}: {
  endpointLabel: string;
  saved: SavedRequest[];
  onSave: (name: string) => void;
  onUse: (request: SavedRequest) => void;
  onDelete: (name: string) => void;
}) {
  const [name, setName] = useState('');
  // What the last save, use or delete did, said once; the name field keeps (or takes back) the focus, since Save is
  // disabled once the field is cleared and a deleted request's buttons are gone.
  const [said, setSaid] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const replaces = saved.some((r) => r.name === trimmed);
    onSave(trimmed);
    setName('');
    setSaid(replaces ? `Replaced the saved request “${trimmed}”.` : `Saved “${trimmed}”.`);
    field.current?.focus();
  };
  return (
    <section className="invoke-saved" aria-labelledby="saved-requests-title">
      <h3 id="saved-requests-title" className="card-heading">
        Saved requests <span className="muted mono invoke-saved-endpoint">{endpointLabel}</span>
      </h3>
      <p className="muted field-hint">Saved in this browser only: the body and parameters, never a token.</p>
      {saved.length > 0 && (
        <ul className="invoke-saved-list" aria-label="Saved requests">
          {saved.map((r) => (
            <li key={r.name}>
              <span className="break-anywhere">{r.name}</span>
              <span className="invoke-actions">
                <Button
                  size="sm"
                  onClick={() => {
                    onUse(r);
                    setSaid(`“${r.name}” is in the form.`);
                  }}
                  aria-label={`Use saved request ${r.name}`}
                >
                  Use
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    onDelete(r.name);
                    setSaid(`Deleted “${r.name}”.`);
                    field.current?.focus();
                  }}
                  aria-label={`Delete saved request ${r.name}`}
                >
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="invoke-save-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">Request name</span>
          <input ref={field} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" />
        </label>
        <Button type="submit" disabled={name.trim() === ''}>
          Save request
        </Button>
      </form>
      <p className="muted field-hint" role="status">
        {said}
      </p>
    </section>
  );
}
