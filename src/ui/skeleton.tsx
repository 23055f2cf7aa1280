/** A bar standing in for what loads; with `label`, announced as busy loading it ("Loading the job"). */
export function Skeleton({ width = '100%', height = '1rem', label }: { width?: string; height?: string; label?: string }) {
  const bar = <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
  if (!label) return bar;
  return (
    <div aria-busy="true" aria-label={label}>
      {bar}
    </div>
  );
}

/** A card still loading: a title's bar and a block, announced as busy with what it loads. */
export function CardSkeleton({ label }: { label: string }) {
  return (
    <div className="card stack" aria-busy="true" aria-label={label}>
      <Skeleton width="40%" height="1.4rem" />
      <Skeleton height="4rem" />
    </div>
  );
}

/** A table's rows still loading, hidden from assistive tech (a status beside the table says what loads). */
export function SkeletonRows({ rows = 6, columns, width }: { rows?: number; columns: number; width: (column: number) => string }) {
  return Array.from({ length: rows }, (_, i) => (
    <tr key={`loading-${i}`} aria-hidden="true">
      {Array.from({ length: columns }, (_, j) => (
        <td key={j}>
          <Skeleton width={width(j)} />
        </td>
      ))}
    </tr>
  ));
}
