import { ListSearchBox } from '@/ui/search-box';
import { ToolbarSelect } from '@/ui/toolbar-select';
import { USER_ORDERS } from './users-query';
import { USER_ORDER_NAMES, type UsersSearch } from './users-search';

const STATUS_FILTERS = { all: 'Everyone', active: 'Active', invited: 'Invited' } as const;

/** Search (name and email), status and order; the search box writes to the URL once typing pauses. */
export function UsersToolbar({ search, onSearchChange }: { search: UsersSearch; onSearchChange: (next: Partial<UsersSearch>) => void }) {
  return (
    <div className="toolbar" role="search">
      <ListSearchBox label="Search users" placeholder="Search by name or email" search={search} onSearchChange={onSearchChange} />
      <ToolbarSelect
        label="Status"
        value={search.status}
        options={STATUS_FILTERS}
        onChange={(status) => onSearchChange({ status, page: 1 })}
      />
      <ToolbarSelect
        label="Order"
        value={search.by}
        options={USER_ORDER_NAMES}
        optionLabel={(by) => USER_ORDERS[by].label}
        onChange={(by) => onSearchChange({ by, page: 1 })}
      />
    </div>
  );
}
