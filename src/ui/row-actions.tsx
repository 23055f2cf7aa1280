import type { ReactNode } from 'react';
import { Button } from './button';

type Action = { label: string; onClick: () => void; disabled?: boolean };

/**
 * A row's actions: any of its own, then Edit and a delete (or remove), each
 * named for the row (e.g. "Edit orders-db") so a screen reader tells them apart.
 */
export function RowActions({
  children,
  edit,
  remove,
}: {
  children?: ReactNode;
  edit: Action;
  remove: Action & { text?: string; title?: string; describedBy?: string };
}) {
  return (
    <div className="row-actions">
      {children}
      <Button size="sm" aria-label={edit.label} onClick={edit.onClick} disabled={edit.disabled}>
        Edit
      </Button>
      <Button
        size="sm"
        variant="ghost"
        className="btn-danger-text"
        aria-label={remove.label}
        onClick={remove.onClick}
        disabled={remove.disabled}
        title={remove.title}
        aria-describedby={remove.describedBy}
      >
        {remove.text ?? 'Delete'}
      </Button>
    </div>
  );
}
