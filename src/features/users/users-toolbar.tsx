import { useEffect, useState } from 'react';
import { USER_ORDERS } from './users-query';
import { USER_ORDER_NAMES, type UserOrder, type UsersSearch } from './users-search';

/** Search (name and email), status and order; the search box writes to the URL once typing pauses. */
export function UsersToolbar({ search, onSearchChange }: { search: UsersSearch; onSearchChange: (next: Partial<UsersSearch>) => void }) {
  const [text, setText] = useState(search.q);
  // Follow the URL when it changes from outside (back button, a pasted link).
  useEffect(() => setText(search.q), [search.q]);
  useEffect(() => {
    if (text.trim() === search.q) return;
    const timer = setTimeout(() => onSearchChange({ q: text.trim(), page: 1 }), 250);
    return () => clearTimeout(timer);
  }, [text, search.q, onSearchChange]);

  return (
    <div className="toolbar" role="search">
      <label className="toolbar-search">
        <span className="visually-hidden">Search users</span>
        <input
          type="search"
          className="input"
          placeholder="Search by name or email"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
        />
      </label>
      <label className="toolbar-filter">
        <span>Status</span>
        <select
          className="select"
          value={search.status}
          onChange={(e) => onSearchChange({ status: e.target.value as UsersSearch['status'], page: 1 })}
        >
          <option value="all">Everyone</option>
          <option value="active">Active</option>
          <option value="invited">Invited</option>
        </select>
      </label>
      <label className="toolbar-filter">
        <span>Order</span>
        <select className="select" value={search.by} onChange={(e) => onSearchChange({ by: e.target.value as UserOrder, page: 1 })}>
          {USER_ORDER_NAMES.map((by) => (
            <option key={by} value={by}>
              {USER_ORDERS[by].label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
