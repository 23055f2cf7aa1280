import { describe, expect, it, vi } from 'vitest';
import type uPlot from 'uplot';

// uPlot asks for the pixel ratio's media query when it loads; jsdom has none.
vi.hoisted(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as never;
});
import { chartOptions, TONE_DASH, type Palette } from './metrics-chart';
import type { ChartData } from './metrics-series';

const palette: Palette = { tone: (t) => `colour-of-${t}`, text: 'text-colour', grid: 'grid-colour', surface: 'surface-colour' };
const data: ChartData = {
  times: [0, 60, 120],
  lines: [
    { version: 2, tone: 'active', values: [1, 2, 3] },
    { version: 1, tone: 'draining-0', values: [4, 5, 6] },
  ],
};
const options = (measure: Parameters<typeof chartOptions>[0]['measure'], onCursor = vi.fn()) =>
  chartOptions({ data, measure, width: 500, palette, syncKey: 'sync', label: 'Requests', onCursor });

describe('a chart’s options', () => {
  it('draws a line per version in its colour and dash, on a time axis, the cursor shared by every chart of the tab', () => {
    const o = options('requests');
    expect(o.series.slice(1).map((s) => [s.label, s.stroke, s.dash])).toEqual([
      ['v2', 'colour-of-active', TONE_DASH.active],
      ['v1', 'colour-of-draining-0', TONE_DASH['draining-0']],
    ]);
    expect(o.scales?.x?.time).toBe(true);
    expect(o.cursor?.sync?.key).toBe('sync');
    expect(o.legend?.show).toBe(false);
    expect(o.axes?.[0]?.stroke).toBe('text-colour');
  });

  it('breaks a line where there was nothing to measure', () => {
    expect(
      options('error_rate')
        .series.slice(1)
        .every((s) => s.spanGaps === false),
    ).toBe(true);
  });

  it('labels the y axis in the measure’s unit and never draws it flat', () => {
    const rate = options('error_rate');
    const values = rate.axes?.[1]?.values as (u: uPlot, splits: number[]) => string[];
    expect(values({} as uPlot, [0, 0.005, 0.01])).toEqual(['0%', '0.5%', '1%']);
    const range = rate.scales?.y?.range as (u: uPlot, min: number | null, max: number | null) => [number, number];
    expect(range({} as uPlot, 0, 0)).toEqual([0, 0.01]);
    const latency = options('p95_ms').axes?.[1]?.values as (u: uPlot, splits: number[]) => string[];
    expect(latency({} as uPlot, [0, 250, 1500])).toEqual(['0 ms', '250 ms', '1.50 s']);
  });

  it('reports the bucket under the cursor, for the read-out', () => {
    const onCursor = vi.fn();
    const hook = options('requests', onCursor).hooks?.setCursor?.[0];
    hook?.({ cursor: { idx: 2 } } as uPlot);
    hook?.({ cursor: { idx: null } } as uPlot);
    expect(onCursor.mock.calls).toEqual([[2], [null]]);
  });
});
