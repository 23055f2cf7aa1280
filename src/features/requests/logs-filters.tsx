import { useId, useState } from 'react';
import { SearchBox } from '@/ui/search-box';
import { ToolbarSelect } from '@/ui/toolbar-select';
import { isFiltered, NO_FILTERS } from './logs-filter-values';
import type { LogsSearch, Range } from './logs-search';
import { STATUS_CLASSES, STATUS_CODES } from './status-words';

/** The methods offered (the URL may name another: the filter then shows none). */
const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const TIME_CHOICES = {
  any: 'Any time',
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  custom: 'Between…',
} as const satisfies Record<'any' | Range | 'custom', string>;

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
  const [custom, setCustom] = useState(search.since !== undefined || search.until !== undefined);
  const fromId = useId();
  /** One filter's change, written to the URL. */
  const set =
    <K extends keyof LogsSearch>(key: K) =>
    (value: LogsSearch[K]) =>
      onSearchChange({ [key]: value });
  const timeValue = search.range ?? (custom || search.since || search.until ? 'custom' : 'any');
  const statusValue = search.status === undefined ? '' : String(search.status);
  const codes: string[] = STATUS_CODES.map(String);
  if (typeof search.status === 'number' && !codes.includes(statusValue)) codes.push(statusValue);
  const paths = search.path && !endpointPaths.includes(search.path) ? [...endpointPaths, search.path] : endpointPaths;

  return (
    <div className="toolbar logs-filters" role="search" aria-label="Filter requests">
      <SearchBox
        label="Search by request ID or path"
        placeholder="Search by request ID or path"
        value={search.search ?? ''}
        onSearch={(text) => onSearchChange({ search: text || undefined })}
      />
      <ToolbarSelect
        label="Version"
        any="All versions"
        value={search.version}
        options={versions}
        optionLabel={(v) => `v${v}`}
        onChange={set('version')}
      />
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
          <OptionGroup label="Classes" values={STATUS_CLASSES} />
          <OptionGroup label="Codes" values={codes} />
        </select>
      </label>
      <ToolbarSelect label="Method" any="Any method" value={search.method} options={METHODS} onChange={set('method')} />
      <ToolbarSelect label="Endpoint" any="Any endpoint" value={search.path} options={paths} onChange={set('path')} />
      <ToolbarSelect
        label="Time"
        value={timeValue}
        options={TIME_CHOICES}
        onChange={(v) => {
          setCustom(v === 'custom');
          if (v === 'custom') onSearchChange({ range: undefined });
          else onSearchChange({ range: v === 'any' ? undefined : v, since: undefined, until: undefined });
        }}
      />
      {timeValue === 'custom' && (
        <fieldset className="logs-custom-range" aria-describedby={fromId}>
          <legend className="visually-hidden">Time range</legend>
          <MomentFilter label="From" iso={search.since} onChange={set('since')} />
          <MomentFilter label="To" iso={search.until} onChange={set('until')} />
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

/** One end of a custom time range: typed in the browser's time zone, kept in the URL as ISO 8601. */
function MomentFilter({ label, iso, onChange }: { label: string; iso: string | undefined; onChange: (iso: string | undefined) => void }) {
  return (
    <label className="toolbar-filter">
      <span>{label}</span>
      <input type="datetime-local" className="input" value={toLocalInput(iso)} onChange={(e) => onChange(fromLocalInput(e.target.value))} />
    </label>
  );
}

function OptionGroup({ label, values }: { label: string; values: readonly string[] }) {
  return (
    <optgroup label={label}>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </optgroup>
  );
}
