import { afterEach, describe, expect, it } from 'vitest';
import { learnServerTime, serverNow } from '@/lib/server-clock';
import { AGENT_POLL_MAX_MS, AGENT_POLL_MIN_MS, agentPollInterval } from './agent-polling';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2025-03-10T12:00:00.000Z');
const instance = (status: string, secondsAgo: number) => ({ status, updated_at: new Date(NOW - secondsAgo * 1000).toISOString() });
type Instances = Parameters<typeof agentPollInterval>[0];
/** The pace once this browser has watched the instances for long: the platform's age of their change decides. */
const watchedLong = (instances: Instances) => (agentPollInterval(instances, NOW, 0), agentPollInterval(instances, NOW, 1e9));

describe('polling agent instances', () => {
  it('does not poll when every instance is settled, or there is none', () => {
    expect(agentPollInterval(undefined, NOW)).toBe(false);
    expect(agentPollInterval([], NOW)).toBe(false);
    expect(agentPollInterval([instance('ready', 1), instance('stopped', 1), instance('failed', 1)], NOW)).toBe(false);
  });

  it('polls about every second just after a change, backing off as the change grows old', () => {
    expect(watchedLong([instance('starting', 0)])).toBe(AGENT_POLL_MIN_MS);
    expect(watchedLong([instance('starting', 8)])).toBe(2000);
    expect(watchedLong([instance('stopping', 20)])).toBe(5000);
    expect(watchedLong([instance('starting', 600)])).toBe(AGENT_POLL_MAX_MS);
    // The newest change sets the pace; a clock ahead of ours counts as just now.
    expect(watchedLong([instance('starting', 600), instance('stopping', 2)])).toBe(AGENT_POLL_MIN_MS);
    expect(watchedLong([instance('starting', -30)])).toBe(AGENT_POLL_MIN_MS);
  });

  it("polls a change this browser has only just seen about every second, though the platform's clock says it is old (the clock jumped)", () => {
    const changed = [instance('starting', 900)];
    expect(agentPollInterval(changed, NOW, 5_000_000)).toBe(AGENT_POLL_MIN_MS);
    expect(agentPollInterval(changed, NOW, 5_020_000)).toBe(5000);
  });

  it('keeps an eye on an unhealthy instance at the slowest pace', () => {
    expect(agentPollInterval([instance('unhealthy', 1), instance('ready', 1)], NOW)).toBe(AGENT_POLL_MAX_MS);
  });
});

describe("polling agent instances on the platform's clock", () => {
  afterEach(() => learnServerTime(new Date().toUTCString()));

  it("polls an instance that has just started starting about every second, though the browser's clock runs ten minutes ahead", () => {
    learnServerTime(new Date(Date.now() - 10 * 60_000).toUTCString());
    const updated_at = new Date(serverNow()).toISOString();
    expect(agentPollInterval([{ status: 'starting', updated_at }])).toBe(AGENT_POLL_MIN_MS);
  });
});
