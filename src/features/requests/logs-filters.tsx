import { useEffect, useId, useState } from 'react';
import { isFiltered, NO_FILTERS } from './logs-filter-values';
import { RANGES, type LogsSearch, type Range } from './logs-search';
import { STATUS_CLASSES, STATUS_CODES } from './status-words';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const RANGE_LABELS: Record<Range, string> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

/** `2025-01-01T12:00:00Z` → the value of a `datetime-local` input, in the browser's time zone. */
const toLocalInput = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/**
 * The log's filters, each written to the URL: the search box once typing
 * pauses, the others at once. A custom time range shows its two moments.
 */
export function LogsFilters({
  search,
  onSearchChange,
  versions,
  endpointPaths,
}: {
  search: LogsSearch;
  onSearchChange: (next: Partial<LogsSearch>) => void;
  versions: readonly number[];
  endpointPaths: readonly string[];
}) {
  const [text, setText] = useState(search.search ?? '');
  const [custom, setCustom] = useState(search.since !== undefined || search.until !== undefined);
  const fromId = useId();
  // Follow the URL when it changes from outside (back button, a link from the Test tab).
  useEffect(() => setText(search.search ?? ''), [search.search]);
  useEffect(() => {
    if (text.trim() === (search.search ?? '')) return;
    const timer = setTimeout(() => onSearchChange({ search: text.trim() || undefined }), 250);
    return () => clearTimeout(timer);
  }, [text, search.search, onSearchChange]);

  const timeValue = search.range ?? (custom || search.since || search.until ? 'custom' : 'any');
  const statusValue = search.status === undefined ? '' : String(search.status);
  const codes: string[] = STATUS_CODES.map(String);
  if (typeof search.status === 'number' && !codes.includes(statusValue)) codes.push(statusValue);
  const paths = search.path && !endpointPaths.includes(search.path) ? [...endpointPaths, search.path] : endpointPaths;

  return (
    <div className="toolbar logs-filters" role="search" aria-label="Filter requests">
      <label className="toolbar-search">
        <span className="visually-hidden">Search by request ID or path</span>
        <input
          type="search"
          className="input"
          placeholder="Search by request ID or path"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
        />
      </label>
      <label className="toolbar-filter">
        <span>Version</span>
        <select
          className="select"
          value={search.version ?? ''}
          onChange={(e) => onSearchChange({ version: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">All versions</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-filter">
        <span>Status</span>
        <select
          className="select"
          value={statusValue}
          onChange={(e) => {
            const v = e.target.value;
            onSearchChange({ status: v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : (v as LogsSearch['status']) });
          }}
        >
          <option value="">Any status</option>
          <optgroup label="Classes">
            {STATUS_CLASSES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </optgroup>
          <optgroup label="Codes">
            {codes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="toolbar-filter">
        <span>Method</span>
        <select
          className="select"
          value={search.method ?? ''}
          onChange={(e) => onSearchChange({ method: (e.target.value || undefined) as LogsSearch['method'] })}
        >
          <option value="">Any method</option>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-filter">
        <span>Endpoint</span>
        <select className="select" value={search.path ?? ''} onChange={(e) => onSearchChange({ path: e.target.value || undefined })}>
          <option value="">Any endpoint</option>
          {paths.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-filter">
        <span>Time</span>
        <select
          className="select"
          value={timeValue}
          onChange={(e) => {
            const v = e.target.value;
            setCustom(v === 'custom');
            if (v === 'custom') onSearchChange({ range: undefined });
            else onSearchChange({ range: v === 'any' ? undefined : (v as Range), since: undefined, until: undefined });
          }}
        >
          <option value="any">Any time</option>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
          <option value="custom">Between…</option>
        </select>
      </label>
      {timeValue === 'custom' && (
        <fieldset className="logs-custom-range" aria-describedby={fromId}>
          <legend className="visually-hidden">Time range</legend>
          <label className="toolbar-filter">
            <span>From</span>
            <input
              type="datetime-local"
              className="input"
              value={toLocalInput(search.since)}
              onChange={(e) => onSearchChange({ since: fromLocalInput(e.target.value) })}
            />
          </label>
          <label className="toolbar-filter">
            <span>To</span>
            <input
              type="datetime-local"
              className="input"
              value={toLocalInput(search.until)}
              onChange={(e) => onSearchChange({ until: fromLocalInput(e.target.value) })}
            />
          </label>
          <span id={fromId} className="visually-hidden">
            In your browser’s time zone; leave To empty for up to now.
          </span>
        </fieldset>
      )}
      {isFiltered(search) && (
        <button
          type="button"
          className="btn btn-ghost btn-sm logs-clear"
          onClick={() => {
            setText('');
            setCustom(false);
            onSearchChange(NO_FILTERS);
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
