/** A table column's heading: its label, a class (e.g. `num`), or a label only screen readers need (an actions column). */
export type Column = string | { label: string; className?: string; hidden?: boolean };

/** A table's header row, one `th scope="col"` per column. */
export function TableHead({ columns }: { columns: (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((c): c is Column => c !== false)
          .map((c) => {
            const column = typeof c === 'string' ? { label: c } : c;
            return (
              <th key={column.label} scope="col" className={column.className}>
                {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            );
          })}
      </tr>
    </thead>
  );
}
