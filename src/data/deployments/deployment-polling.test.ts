import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Deployment, DeploymentStatus } from '@/contract/deployments';
import { DEPLOYMENT_POLL_MS, deploymentPollInterval } from './deployment-polling';
import { deploymentKeys } from './keys';
import { liveRefetchInterval } from './use-live-deployment';

const status = (deployment_state: DeploymentStatus['deployment_state'], extra: Record<string, unknown> = {}): DeploymentStatus => ({
  deployment_state,
  health: 'healthy',
  message: null,
  synced: true,
  ...extra,
});

const deployment = (state: Deployment['state'], finished: boolean): Deployment => ({
  id: '00000000-0000-4000-8000-0000000000d1',
  service_id: '00000000-0000-4000-8000-0000000000a1',
  kind: 'deploy',
  build: true,
  version_id: null,
  version: 3,
  state,
  message: null,
  started_by: { id: '00000000-0000-4000-8000-0000000000b1', email: 'developer@example.com' },
  started_at: '2025-01-01T00:00:00Z',
  finished_at: finished ? '2025-01-01T00:01:00Z' : null,
  events: [],
});

describe('deploymentPollInterval', () => {
  it('polls about every second while a phase moves by itself', () => {
    for (const state of ['building', 'deploying', 'draining'] as const) {
      expect(deploymentPollInterval(status(state), [])).toBe(DEPLOYMENT_POLL_MS);
    }
    expect(DEPLOYMENT_POLL_MS).toBe(1000);
  });

  it('does not poll when settled', () => {
    for (const state of ['active', 'failed', 'built', null] as const) {
      expect(deploymentPollInterval(status(state), [deployment('active', true)])).toBe(false);
    }
    expect(deploymentPollInterval(undefined, undefined)).toBe(false);
  });

  it('keeps polling on "built" while a deploy is still between its phases', () => {
    expect(deploymentPollInterval(status('built'), [deployment('built', false)])).toBe(DEPLOYMENT_POLL_MS);
    expect(deploymentPollInterval(status('built', { in_progress: true }), [])).toBe(DEPLOYMENT_POLL_MS);
  });
});

describe('liveRefetchInterval (the hook’s decision, read from a real QueryClient)', () => {
  const scope = { orgId: 'o', workspaceId: 'w' };

  it('follows the cached status and history as they change', () => {
    const queryClient = new QueryClient();
    const interval = liveRefetchInterval(queryClient, scope, 's1');
    expect(interval()).toBe(false);

    queryClient.setQueryData(deploymentKeys.status(scope, 's1'), status('building'));
    queryClient.setQueryData(deploymentKeys.history(scope, 's1'), { items: [deployment('building', false)] });
    expect(interval()).toBe(DEPLOYMENT_POLL_MS);

    queryClient.setQueryData(deploymentKeys.status(scope, 's1'), status('active'));
    queryClient.setQueryData(deploymentKeys.history(scope, 's1'), { items: [deployment('active', true)] });
    expect(interval()).toBe(false);

    // Another service's deploy does not make this one poll.
    queryClient.setQueryData(deploymentKeys.status(scope, 's2'), status('deploying'));
    expect(interval()).toBe(false);
  });
});
