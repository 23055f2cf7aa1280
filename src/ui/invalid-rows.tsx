import './unavailable.css';

/** A list row the platform sent that the console could not read (see the contract's lenient reading). */
export type UnreadableRow = { index: number; id: string | null; message: string };

const describe = (row: UnreadableRow, noun: string) => `${noun} ${row.id ?? `at position ${row.index + 1}`} could not be read`;

/** In a table: one row each, across every column, with the id when the platform gave one and what was wrong. */
export function InvalidTableRows({ rows, columns, noun }: { rows: readonly UnreadableRow[]; columns: number; noun: string }) {
  return rows.map((row) => (
    <tr key={`invalid-${row.index}`} className="row-invalid">
      <td colSpan={columns}>
        <strong>{describe(row, noun)}</strong>: <span className="mono">{row.message}</span>
      </td>
    </tr>
  ));
}

/** In a list: one item each. */
export function InvalidListItems({ rows, noun }: { rows: readonly UnreadableRow[]; noun: string }) {
  return rows.map((row) => (
    <li key={`invalid-${row.index}`} className="row-invalid">
      <strong>{describe(row, noun)}</strong>: <span className="mono">{row.message}</span>
    </li>
  ));
}
