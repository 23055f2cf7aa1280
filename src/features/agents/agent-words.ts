import { AgentServiceStatus } from '@/contract/agents';
import { isKnown } from '@/contract/reading';
import type { Tone } from '@/ui/badge';

type StatusWords = { label: string; tone: Tone; meaning: string };

const STATUS: Record<AgentServiceStatus, StatusWords> = {
  starting: { label: 'Starting', tone: 'info', meaning: 'Its sandbox and process are coming up.' },
  ready: { label: 'Ready', tone: 'success', meaning: 'Answering its health checks; it has a public URL.' },
  unhealthy: { label: 'Unhealthy', tone: 'warning', meaning: 'Running, but failing its health checks: no public URL until it recovers.' },
  stopping: { label: 'Stopping', tone: 'info', meaning: 'Finishing open requests, then stopping.' },
  stopped: { label: 'Stopped', tone: 'neutral', meaning: 'Stopped: start a new instance to run the agent again.' },
  failed: { label: 'Failed', tone: 'danger', meaning: 'It did not start.' },
};

/** A status in words: its label, badge tone and what it means; an unknown one as the platform sent it. */
export function describeStatus(status: string): StatusWords {
  if (isKnown(AgentServiceStatus.options, status)) return STATUS[status];
  return { label: status, tone: 'neutral', meaning: `The platform reports “${status}”, a status this console does not know.` };
}

const humanize = (key: string) => key.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Seed 003's `readiness_status` in words. Its keys vary by phase ("deliberately
 * open"): the platform's `message` if it has one, with the checks that failed;
 * otherwise its plain fields, named.
 */
export function describeReadiness(readiness: Record<string, unknown> | null): string | null {
  if (!readiness) return null;
  const parts: string[] = [];
  const message = scalar(readiness.message);
  if (message) parts.push(message.replace(/\.?$/, '.'));
  const failures = typeof readiness.consecutive_failures === 'number' ? readiness.consecutive_failures : null;
  if (failures !== null && !message?.toLowerCase().includes('in a row'))
    parts.push(`${failures} failed health check${failures === 1 ? '' : 's'} in a row.`);
  if (typeof readiness.exit_code === 'number' && !message?.includes('code')) parts.push(`Exit code ${readiness.exit_code}.`);
  if (parts.length) return parts.join(' ');
  const rest = Object.entries(readiness)
    .filter(([key]) => key !== 'since')
    .map(([key, value]) => [key, scalar(value)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== null)
    .map(([key, value]) => `${humanize(key)}: ${key === 'phase' || key === 'step' ? humanize(value).toLowerCase() : value}`);
  return rest.length ? `${rest.join('; ')}.` : null;
}
