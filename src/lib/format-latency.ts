// Apart from format.ts, which the services list loads: no page of the first load shows a latency.

/** A latency: "8.5 ms", "120 ms", "1.25 s"; none measured is "—". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms === 0) return '0 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
