/**
 * The gateway's test knobs (CONTRACT §12, mock only; docs/mock.md says how to
 * use them): headers a caller sends to make a call answer as a failing or slow
 * service would, so request records and metrics can be seen with errors and
 * latency in them.
 *
 * - `X-Mock-Status: <200–599>`: once the call has passed auth, routing and the
 *   body check, answer that status with a FastAPI-shaped body
 *   (`{"detail": "Service Unavailable"}`; none for 204, 205 and 304) and the
 *   usual `X-Service-Version`; an async submit then makes no job. (The contract
 *   says 100–599, but a 1xx is not a final answer in HTTP — Fetch's Response
 *   cannot carry one — so 100–199 is a 422 that says so.)
 * - `X-Mock-Latency-Ms: <0–10000>`: answer that much later, on a timer, so no
 *   other client waits; the record's `duration_ms` includes it.
 *
 * A value out of range is a 422 located at the header, after auth. The
 * documented profile ignores them, as a platform without them would.
 */
import { STATUS_CODES } from 'node:http';
import type { Context } from 'hono';
import type { Platform } from '../core/context';
import { issue, validationError } from '../core/errors';
import type { Reply } from '../core/replies';

export const KNOB_HEADERS = { status: 'X-Mock-Status', latency: 'X-Mock-Latency-Ms' } as const;
export const MAX_MOCK_LATENCY_MS = 10_000;

export interface Knobs {
  status?: number;
  latencyMs?: number;
}

function intHeader(c: Context, name: string, min: number, max: number, why: string): number | undefined {
  const raw = c.req.header(name);
  if (raw === undefined) return undefined;
  const n = /^\s*\d{1,6}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw validationError([
      issue(['header', name.toLowerCase()], `${name} must be a whole number from ${min} to ${max}${why}`, 'value_error'),
    ]);
  return n;
}

/** The knobs a call carries (a 422 on a header out of range). */
export function readKnobs(c: Context, platform: Pick<Platform, 'profile'>): Knobs {
  const knobs: Knobs = {};
  if (platform.profile === 'documented') return knobs;
  const status = intHeader(c, KNOB_HEADERS.status, 200, 599, ' (a 1xx is not a final answer)');
  if (status !== undefined) knobs.status = status;
  const latencyMs = intHeader(c, KNOB_HEADERS.latency, 0, MAX_MOCK_LATENCY_MS, '');
  if (latencyMs !== undefined) knobs.latencyMs = latencyMs;
  return knobs;
}

/** Wait what `X-Mock-Latency-Ms` asks, on the platform's wall (core/wall.ts: a timer, so the event loop serves everyone else meanwhile). */
export async function delayAsAsked(knobs: Knobs, platform: Pick<Platform, 'wall'>): Promise<void> {
  if (knobs.latencyMs) await platform.wall.sleep(knobs.latencyMs);
}

/** The answer `X-Mock-Status` asks for, from the version that would have answered. */
export function askedReply(status: number, version: number): Reply {
  const headers = { 'X-Service-Version': String(version) };
  if (status === 204 || status === 205 || status === 304) return { status, headers, asked: true };
  return { status, body: { detail: STATUS_CODES[status] ?? `Status ${status}` }, headers, asked: true };
}
