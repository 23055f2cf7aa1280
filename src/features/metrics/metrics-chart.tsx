/**
 * One chart of the Metrics tab, drawn with uPlot (about 20 KB gzipped, canvas,
 * fast with thousands of points). This module is loaded only when the tab
 * shows a chart (`lazy` in metrics-page.tsx), so neither uPlot nor its CSS is
 * on any other page. uPlot does not animate, so there is no motion to reduce.
 */
import 'uplot/dist/uPlot.min.css';
import uPlot from 'uplot';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { toneVariable, type VersionTone } from '@/lib/version-tones';
import { formatMeasure, type ChartData, type Measure } from './metrics-series';
import { VersionKey } from './version-key';

const HEIGHT = 200;

/** Besides its colour, each version's line has its own dash, so lines are told apart without colour too. */
export const TONE_DASH: Record<VersionTone, number[] | undefined> = {
  active: undefined,
  'draining-0': [8, 4],
  'draining-1': [3, 3],
  'retired-0': [1, 4],
  'retired-1': [12, 4, 2, 4],
};

/** The page's colours, read from its CSS variables (so the theme in force, light or dark). */
export type Palette = { tone: (tone: VersionTone) => string; text: string; grid: string; surface: string };

export function readPalette(root: Element = document.documentElement): Palette {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    tone: (tone) => read(toneVariable(tone), '#64748b'),
    text: read('--muted', '#5d6475'),
    grid: read('--border', '#dde1ea'),
    surface: read('--surface', '#ffffff'),
  };
}

/** The y range: from 0, and never flat (an error rate of 0 everywhere still has an axis up to 1%). */
const yRange =
  (measure: Measure) =>
  (_: uPlot, _min: number | null, max: number | null): uPlot.Range.MinMax => {
    const floor = measure === 'error_rate' ? 0.01 : measure === 'requests' ? 5 : 10;
    return [0, Math.max((max ?? 0) * 1.1, floor)];
  };

/** uPlot's options for a chart: a line per version in its colour, axes in the page's colours, the cursor shared by `syncKey`. */
export function chartOptions({
  data,
  measure,
  width,
  palette,
  syncKey,
  label,
  onCursor,
}: {
  data: ChartData;
  measure: Measure;
  width: number;
  palette: Palette;
  syncKey: string;
  label: string;
  onCursor: (index: number | null) => void;
}): uPlot.Options {
  const axis = { stroke: palette.text, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
  return {
    title: undefined,
    width,
    height: HEIGHT,
    legend: { show: false },
    cursor: { sync: { key: syncKey }, drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: yRange(measure) } },
    axes: [
      { ...axis },
      {
        ...axis,
        size: 64,
        values: (_u, splits) => splits.map((v) => formatMeasure(measure, v)),
      },
    ],
    series: [
      { label: 'Time' },
      ...data.lines.map((line) => ({
        label: `v${line.version}`,
        stroke: palette.tone(line.tone),
        dash: TONE_DASH[line.tone],
        width: 2,
        // A break where there was nothing to measure (no requests: no rate, no latency).
        spanGaps: false,
        // Points where there are few buckets (a lone bucket between gaps shows), filled with the card's colour.
        points: { show: data.times.length <= 60, fill: palette.surface },
      })),
    ],
    hooks: {
      setCursor: [(u) => onCursor(u.cursor.idx ?? null)],
      init: [
        (u) => {
          u.root.setAttribute('aria-hidden', 'true');
          u.over.title = label;
        },
      ],
    },
  };
}

const toUplot = (data: ChartData): uPlot.AlignedData => [data.times, ...data.lines.map((l) => l.values)];

/** `data-theme` on the root changes with the theme switch: the chart redraws in the other colours. */
function useThemeKey() {
  const [key, setKey] = useState(() => document.documentElement.dataset.theme ?? 'light');
  useEffect(() => {
    const observer = new MutationObserver(() => setKey(document.documentElement.dataset.theme ?? 'light'));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return key;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * A chart and its read-out: hovering (or the arrow keys, once it has focus)
 * says each version's value in that bucket in words; away from it, the latest
 * bucket's. The numbers are also in the tab's table.
 */
export function MetricsChart({ data, measure, label, syncKey }: { data: ChartData; measure: Measure; label: string; syncKey: string }) {
  const target = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  const theme = useThemeKey();

  // Built once per data, theme and measure; resized in place.
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const u = new uPlot(
      chartOptions({ data, measure, width: el.clientWidth || 600, palette: readPalette(), syncKey, label, onCursor: setIndex }),
      toUplot(data),
      el,
    );
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [data, measure, theme, syncKey, label]);

  const last = data.times.length - 1;
  const shown = index ?? (last >= 0 ? last : null);

  const onKeyDown = (event: KeyboardEvent) => {
    const u = plot.current;
    if (!u || last < 0 || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const next = Math.min(Math.max((index ?? last) + (event.key === 'ArrowLeft' ? -1 : 1), 0), last);
    u.setCursor({ left: u.valToPos(data.times[next]!, 'x'), top: HEIGHT / 3 });
  };

  return (
    <figure className="metrics-chart">
      <div
        ref={target}
        className="metrics-plot"
        role="img"
        tabIndex={0}
        aria-label={`${label}: a line per version over the window. The arrow keys move the read-out; the table below has every number.`}
        onKeyDown={onKeyDown}
        onBlur={() => plot.current?.setCursor({ left: -10, top: -10 })}
      />
      <figcaption className="metrics-readout">
        {shown === null ? (
          'No buckets in this window.'
        ) : (
          <>
            <span className="muted">
              {index === null ? 'Latest, ' : ''}
              {timeFormat.format(new Date(data.times[shown]! * 1000))}
            </span>
            {data.lines.map((line) => (
              <span key={line.version} className="metrics-readout-item">
                <VersionKey tone={line.tone} /> v{line.version} <strong>{formatMeasure(measure, line.values[shown])}</strong>
              </span>
            ))}
          </>
        )}
      </figcaption>
    </figure>
  );
}
