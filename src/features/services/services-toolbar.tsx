import { ListSearchBox } from '@/ui/search-box';
import { ToolbarSelect } from '@/ui/toolbar-select';
import type { ServicesSearch } from './services-search';

const STATUS_FILTERS = { all: 'All statuses', draft: 'Draft', active: 'Active', archived: 'Archived' } as const;
const MODE_FILTERS = { all: 'All modes', invocation: 'Invocation', persistent: 'Persistent' } as const;

/**
 * Search and filters; the search box writes to the URL once typing pauses.
 * `modeFilter` false: the platform does not filter by mode; `attentionFilter`
 * false: it has no metrics, so nothing tells which services need attention.
 * "Needs attention" is a view of its own (most errors first), which the other filters do not narrow.
 */
export function ServicesToolbar({
  search,
  onSearchChange,
  modeFilter = true,
  attentionFilter = true,
}: {
  search: ServicesSearch;
  onSearchChange: (next: Partial<ServicesSearch>) => void;
  modeFilter?: boolean;
  attentionFilter?: boolean;
}) {
  const attention = attentionFilter && search.attention;
  return (
    <div className="toolbar" role="search">
      {attentionFilter && (
        <label className="check toolbar-check">
          <input type="checkbox" checked={search.attention} onChange={(e) => onSearchChange({ attention: e.target.checked, page: 1 })} />
          Needs attention
        </label>
      )}
      {!attention && (
        <>
          <ListSearchBox
            label="Search services"
            placeholder="Search by name or description"
            search={search}
            onSearchChange={onSearchChange}
          />
          <ToolbarSelect
            label="Status"
            value={search.status}
            options={STATUS_FILTERS}
            onChange={(status) => onSearchChange({ status, page: 1 })}
          />
          {modeFilter && (
            <ToolbarSelect
              label="Execution mode"
              value={search.mode}
              options={MODE_FILTERS}
              onChange={(mode) => onSearchChange({ mode, page: 1 })}
            />
          )}
        </>
      )}
    </div>
  );
}
