import { PAGE_SIZES, type PageSize } from './services-search';

export function ServicesPagination({
  total,
  page,
  size,
  onChange,
}: {
  total: number;
  page: number;
  size: PageSize;
  onChange: (page: number, size: PageSize) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  return (
    <nav className="pagination" aria-label="Pagination">
      <p aria-live="polite">
        {first}–{last} of {total}
      </p>
      <label className="toolbar-filter">
        <span>Rows per page</span>
        <select className="select" value={size} onChange={(e) => onChange(1, Number(e.target.value) as PageSize)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
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
    </nav>
  );
}
