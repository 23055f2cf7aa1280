import { useEffect, useState } from 'react';
import type { ServicesSearch } from './services-search';

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
      {attentionFilter && (
        <label className="check toolbar-check">
          <input type="checkbox" checked={search.attention} onChange={(e) => onSearchChange({ attention: e.target.checked, page: 1 })} />
          Needs attention
        </label>
      )}
      {!attention && (
        <>
          <label className="toolbar-search">
            <span className="visually-hidden">Search services</span>
            <input
              type="search"
              className="input"
              placeholder="Search by name or description"
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
              onChange={(e) => onSearchChange({ status: e.target.value as ServicesSearch['status'], page: 1 })}
            >
              <option value="all">All statuses</option>
              <option value="draft">Draft</option>
              <option value="active">Active</option>
              <option value="archived">Archived</option>
            </select>
          </label>
          {modeFilter && (
            <label className="toolbar-filter">
              <span>Execution mode</span>
              <select
                className="select"
                value={search.mode}
                onChange={(e) => onSearchChange({ mode: e.target.value as ServicesSearch['mode'], page: 1 })}
              >
                <option value="all">All modes</option>
                <option value="invocation">Invocation</option>
                <option value="persistent">Persistent</option>
              </select>
            </label>
          )}
        </>
      )}
    </div>
  );
}
