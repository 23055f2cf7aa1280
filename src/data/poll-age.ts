import { serverNow } from '@/lib/server-clock';

const firstSeen = new Map<number, number>();
/** Enough for every change a page polls; the oldest go first. */
const REMEMBERED = 200;

/**
 * How old the newest of some changes is, for a poll's backoff (jobs, agent instances): its age on the
 * platform's clock or how long this browser has watched it, whichever is less. The platform's clock keeps a
 * browser clock that is off from making a change just made look old; the watch keeps a jump of the platform's
 * clock (a test moving the mock's) from slowing the very poll that is to see what the jump brought.
 */
function pollAge(stamps: readonly string[], now = serverNow(), local = Date.now()): number {
  const newest = Math.max(...stamps.map((s) => Date.parse(s)).filter(Number.isFinite), 0);
  let seen = firstSeen.get(newest);
  if (seen === undefined) {
    seen = local;
    firstSeen.set(newest, seen);
    if (firstSeen.size > REMEMBERED) firstSeen.delete(firstSeen.keys().next().value!);
  }
  return Math.min(Math.max(0, now - newest), Math.max(0, local - seen));
}

/** A poll's pace: a quarter of the newest change's age (`pollAge`), kept between `minMs` and `maxMs`. */
export function backoff(stamps: readonly string[], [minMs, maxMs]: readonly [number, number], now?: number, local?: number): number {
  return Math.min(maxMs, Math.max(minMs, Math.round(pollAge(stamps, now, local) / 4)));
}
