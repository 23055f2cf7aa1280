import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { BindableInstance } from '@/data/connectors/get-all-instances';

/**
 * Pick one connector instance: a filter input and a single-select listbox.
 * Arrow keys move the selection (as in a native select), Home/End jump,
 * ArrowDown in the filter moves into the list.
 */
export function InstancePicker({
  instances,
  value,
  onChange,
  error,
  label = 'Connector instance',
}: {
  instances: BindableInstance[];
  value: string;
  onChange: (instanceId: string) => void;
  error?: string;
  label?: string;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const q = filter.trim().toLowerCase();
  const shown = q
    ? instances.filter(({ instance, type }) => `${instance.name} ${type.name} ${instance.description ?? ''}`.toLowerCase().includes(q))
    : instances;
  const index = shown.findIndex((b) => b.instance.id === value);
  const optionId = (instanceId: string) => `${id}-opt-${instanceId}`;

  const select = (next: BindableInstance | undefined) => {
    if (!next) return;
    onChange(next.instance.id);
    requestAnimationFrame(() => document.getElementById(optionId(next.instance.id))?.scrollIntoView({ block: 'nearest' }));
  };

  const onListKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => BindableInstance | undefined> = {
      ArrowDown: () => shown[Math.min(index + 1, shown.length - 1)],
      ArrowUp: () => shown[Math.max(index - 1, 0)],
      Home: () => shown[0],
      End: () => shown[shown.length - 1],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    select(move());
  };

  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
        <span className="field-required" aria-hidden="true">
          {' '}
          *
        </span>
      </span>
      <input
        className="input"
        type="search"
        placeholder="Filter by name or type"
        aria-label={`Filter ${label.toLowerCase()}s`}
        aria-controls={`${id}-list`}
        autoComplete="off"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            listRef.current?.focus();
            if (index < 0) select(shown[0]);
          }
        }}
      />
      <div
        ref={listRef}
        id={`${id}-list`}
        role="listbox"
        tabIndex={0}
        className="picker-list"
        aria-labelledby={`${id}-label`}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-activedescendant={index >= 0 ? optionId(value) : undefined}
        onKeyDown={onListKey}
      >
        {shown.length === 0 && (
          <p className="picker-empty muted">
            {instances.length === 0 ? 'No connector instances in this workspace yet.' : 'No instance matches the filter.'}
          </p>
        )}
        {shown.map(({ instance, type }) => (
          <div
            key={instance.id}
            id={optionId(instance.id)}
            role="option"
            aria-selected={instance.id === value}
            className="picker-option"
            onClick={() => {
              onChange(instance.id);
              listRef.current?.focus();
            }}
          >
            <span className="picker-name">{instance.name}</span>
            <span className="muted picker-type">{type.name}</span>
          </div>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {shown.length} of {instances.length} shown. Use the arrow keys in the list to choose.
      </p>
    </div>
  );
}
