import type { ExecuteResultRead } from '@/contract/connector-operations';
import { Badge } from '@/ui/badge';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "0.13 ms", "1.2 s". */
export function formatDuration(ms: number | null): string | null {
  if (ms === null) return null;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "5 rows", or for a write that returns none, "1 row changed". */
function countedRows(result: ExecuteResultRead, kind: string | null): string {
  return kind === 'write' && result.rows.length === 0 ? `${plural(result.row_count, 'row')} changed` : plural(result.row_count, 'row');
}

/** The answer in one sentence, for a screen reader: "Read query: 5 rows in 0.12 ms." (the rows are read in the table). */
export function resultSentence(result: ExecuteResultRead, operationName: string, kind: string | null): string {
  const duration = formatDuration(result.duration_ms);
  return `${operationName}: ${countedRows(result, kind)}${duration ? ` in ${duration}` : ''}${result.truncated ? ', more than shown' : ''}.`;
}

/** Past this, a text value is a document (an object's body) rather than a cell. */
const LONG_TEXT = 60;

/**
 * One row that a table would squeeze — many columns, or a long or multi-line
 * value such as an object's body — reads better as its columns one under the
 * other (psql's expanded display): nothing scrolls sideways, the text keeps its lines.
 */
function asRecord(result: ExecuteResultRead): boolean {
  const [row] = result.rows;
  if (result.rows.length !== 1 || !row || result.columns.length < 2) return false;
  return result.columns.length > 5 || row.some(isLongText);
}

const isLongText = (v: unknown) => typeof v === 'string' && (v.length > LONG_TEXT || v.includes('\n'));

/** A cell as text: null as NULL (styled apart), an object as its JSON. */
function Cell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">NULL</span>;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return <>{text}</>;
}

/**
 * What an operation answered: the row count and the time in words, then the
 * rows as a table (a caption names it; a column's declared type under its
 * name) or one row as a record (asRecord), or — for a write — the rows it changed.
 */
export function ResultTable({ result, operationName, kind }: { result: ExecuteResultRead; operationName: string; kind: string | null }) {
  const duration = formatDuration(result.duration_ms);
  const counted = countedRows(result, kind);
  return (
    <div className="result">
      <p className="result-line">
        <strong>{counted}</strong>
        {duration && <span className="muted"> · {duration}</span>}
        {result.truncated && <Badge tone="warning">more rows than shown</Badge>}
      </p>
      {result.summary && result.summary !== counted && <p className="muted result-summary">{result.summary}</p>}
      {result.columns.length > 0 && asRecord(result) ? (
        <dl className="result-record" role="region" aria-label={`Rows from ${operationName}`}>
          {result.columns.map((c, i) => (
            <div key={`${c.name}-${i}`}>
              <dt>
                <span className="result-column">{c.name}</span>
                {c.type && <span className="result-type">{c.type}</span>}
              </dt>
              {/* A long value scrolls in its own box, which takes the keyboard to do so. */}
              <dd className="result-cell" tabIndex={isLongText(result.rows[0]![i]) ? 0 : undefined}>
                <Cell value={result.rows[0]![i]} />
              </dd>
            </div>
          ))}
        </dl>
      ) : result.columns.length > 0 ? (
        <div className="table-wrap table-flat result-table" tabIndex={0} role="region" aria-label={`Rows from ${operationName}`}>
          <table className="table">
            <caption className="visually-hidden">
              {operationName}: {plural(result.rows.length, 'row')}
              {result.truncated ? ', and more than shown' : ''}
            </caption>
            <thead>
              <tr>
                {result.columns.map((c, i) => (
                  <th key={`${c.name}-${i}`} scope="col">
                    <span className="result-column">{c.name}</span>
                    {c.type && <span className="result-type">{c.type}</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.length === 0 ? (
                <tr>
                  <td colSpan={result.columns.length} className="muted">
                    No rows
                  </td>
                </tr>
              ) : (
                result.rows.map((row, r) => (
                  <tr key={r}>
                    {result.columns.map((c, i) => (
                      <td key={`${c.name}-${i}`} className="result-cell">
                        <Cell value={row[i]} />
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
