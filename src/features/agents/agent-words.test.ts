import { describe, expect, it } from 'vitest';
import { describeReadiness, describeStatus } from './agent-words';

describe('agent instances in words', () => {
  it('names every status of seed 003, and passes an unknown one through', () => {
    expect(describeStatus('ready')).toMatchObject({ label: 'Ready', tone: 'success' });
    expect(describeStatus('failed')).toMatchObject({ label: 'Failed', tone: 'danger' });
    expect(describeStatus('hibernating')).toEqual({
      label: 'hibernating',
      tone: 'neutral',
      meaning: 'The platform reports “hibernating”, a status this console does not know.',
    });
  });

  it('says the readiness detail in words, whatever keys the phase has', () => {
    expect(describeReadiness(null)).toBeNull();
    expect(
      describeReadiness({ phase: 'starting', step: 'waiting_for_port', message: 'Waiting for the agent to listen on port 41873' }),
    ).toBe('Waiting for the agent to listen on port 41873.');
    expect(describeReadiness({ phase: 'unhealthy', consecutive_failures: 3, message: 'The health check answered 503' })).toBe(
      'The health check answered 503. 3 failed health checks in a row.',
    );
    expect(describeReadiness({ phase: 'failed', exit_code: 137 })).toBe('Exit code 137.');
    expect(
      describeReadiness({ phase: 'warming_up', step: 'loading_model', progress: 40, since: '2025-01-01T00:00:00Z', nested: { a: 1 } }),
    ).toBe('Phase: warming up; Step: loading model; Progress: 40.');
    expect(describeReadiness({})).toBeNull();
  });
});
