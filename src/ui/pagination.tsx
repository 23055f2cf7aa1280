import { ToolbarSelect } from './toolbar-select';

/**
 * Paging for a list the platform pages (`limit`, `offset`): where we are,
 * rows per page, Previous and Next. Pages count from 1.
 */
export function Pagination<const S extends number>({
  total,
  page,
  size,
  sizes,
  label = 'Pagination',
  onChange,
}: {
  total: number;
  page: number;
  size: S;
  sizes: readonly S[];
  /** The landmark's name, when a page has more than one list. */
  label?: string;
  onChange: (page: number, size: S) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  return (
    <nav className="pagination" aria-label={label}>
      <p aria-live="polite">
        {first}–{last} of {total}
      </p>
      <ToolbarSelect label="Rows per page" value={size} options={sizes} onChange={(n) => onChange(1, n)} />
      {/* All on the first page: nothing to page through. Past it (a page emptied under the user) the way back stays. */}
      {(pages > 1 || page > 1) && (
        <div className="pagination-buttons">
          <button type="button" className="btn btn-secondary btn-sm" disabled={page <= 1} onClick={() => onChange(page - 1, size)}>
            Previous
          </button>
          <span>
            Page {Math.min(page, pages)} of {pages}
          </span>
          <button type="button" className="btn btn-secondary btn-sm" disabled={page >= pages} onClick={() => onChange(page + 1, size)}>
            Next
          </button>
        </div>
      )}
    </nav>
  );
}
