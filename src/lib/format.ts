/**
 * Each format is made the first time it is asked for, not when this file loads: the services list's first
 * load has this file, and a locale format is dear to make on a slow phone (the request figures' are only
 * needed once the figures arrive, after the list has painted).
 */
import { serverNow } from './server-clock';
const once = <T>(make: () => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

const dateTime = once(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
const relative = once(() => new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));

export function formatDateTime(iso: string): string {
  return dateTime().format(new Date(iso));
}

/** "3 days ago", for lists; the exact time goes in a title. */
export function formatRelative(iso: string, now = serverNow()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative().format(Math.round(seconds / size), unit);
  }
  return relative().format(seconds, 'second');
}

const count = once(() => new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }));
const integer = once(() => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }));
const percent = once(() => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }));

/** A number of requests: exact below 10,000, then "12K", "1.2M". */
export function formatCount(n: number): string {
  return n < 10_000 ? integer().format(n) : count().format(n);
}

/** An error rate (0–1): "4.1%", "0%"; a rate too small to show at one decimal is "<0.1%", never a misleading "0%". */
export function formatRate(rate: number): string {
  if (rate > 0 && rate < 0.0005) return `<${percent().format(0.001)}`;
  return percent().format(rate);
}
