import { describe, expect, it } from 'vitest';
import type { Deployment, DeploymentStatus } from '@/contract/deployments';
import { actionAvailability, INVOCATION_REASON, progressSteps, servingSentence, servingVersion } from './deployment-rules';

const status = (deployment_state: DeploymentStatus['deployment_state'], synced = true): DeploymentStatus => ({
  deployment_state,
  health: 'healthy',
  message: null,
  synced,
});
const at = '2025-01-01T00:00:00Z';
const dep = (over: Partial<Deployment>): Deployment => ({
  id: '00000000-0000-4000-8000-000000000001',
  service_id: '00000000-0000-4000-8000-000000000002',
  kind: 'deploy',
  build: true,
  version_id: null,
  version: 3,
  state: 'active',
  message: null,
  started_by: { id: '00000000-0000-4000-8000-000000000003', email: 'd@example.com' },
  started_at: at,
  finished_at: at,
  events: [],
  ...over,
});
const ev = (...states: Deployment['events'][number]['state'][]) => states.map((state) => ({ state, at, message: null }));
const persistent = { execution_mode: 'persistent' as const, active_version: 3 };

describe('actionAvailability', () => {
  it('refuses everything for an invocation service, with the reason', () => {
    const r = actionAvailability({
      service: { execution_mode: 'invocation', active_version: 1 },
      role: 'admin',
      status: undefined,
      history: [],
    });
    expect(Object.values(r)).toEqual([INVOCATION_REASON, INVOCATION_REASON, INVOCATION_REASON, INVOCATION_REASON]);
  });
  it('says why for a viewer, an unpublished service, a missing image and nothing deployed', () => {
    expect(actionAvailability({ service: persistent, role: 'viewer', status: status(null), history: [] }).deploy).toMatch(/viewer/);
    const fresh = actionAvailability({
      service: { ...persistent, active_version: null },
      role: 'developer',
      status: status(null),
      history: [],
    });
    expect(fresh.deploy).toMatch(/Nothing is published/);
    const published = actionAvailability({ service: persistent, role: 'developer', status: status(null), history: [] });
    expect(published).toMatchObject({
      build: null,
      deploy: null,
      'deploy-prebuilt': expect.stringMatching(/No built image/),
      teardown: 'Nothing is deployed to tear down.',
    });
  });
  it('blocks every action while a deploy is in progress', () => {
    const r = actionAvailability({ service: persistent, role: 'developer', status: status('deploying'), history: [] });
    expect(r.teardown).toMatch(/in progress/);
  });
});

describe('progressSteps', () => {
  it('marks the current phase', () => {
    const steps = progressSteps(dep({ state: 'deploying', finished_at: null, events: ev('building', 'built', 'deploying') }), undefined);
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'upcoming']);
  });
  it('marks a failed build at building, and a failed deploy at deploying', () => {
    expect(progressSteps(dep({ state: 'failed', events: ev('building', 'failed') }), undefined).map((s) => s.state)).toEqual([
      'failed',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(
      progressSteps(dep({ state: 'failed', events: ev('building', 'built', 'deploying', 'failed') }), undefined).map((s) => s.state),
    ).toEqual(['done', 'done', 'failed', 'upcoming']);
  });
  it('skips the build for a prebuilt deploy and stops at built for a build', () => {
    expect(progressSteps(dep({ build: false, events: ev('deploying', 'active') }), undefined).map((s) => s.state)).toEqual([
      'skipped',
      'skipped',
      'done',
      'done',
    ]);
    expect(progressSteps(dep({ kind: 'build', state: 'built', events: ev('building', 'built') }), undefined).map((s) => s.state)).toEqual([
      'done',
      'done',
    ]);
  });
});

describe('serving', () => {
  it('finds the version the container serves, even after a failed deploy', () => {
    expect(servingVersion(status('failed', false), [dep({ version: 4, state: 'failed' }), dep({ version: 3 })])).toBe(3);
    expect(servingVersion(status(null), [dep({})])).toBeNull();
    expect(servingVersion(status('active'), [], 2)).toBe(2);
  });
  it('says it in words', () => {
    expect(servingSentence(3, 3, true)).toBe('Serving version 3, the active version.');
    expect(servingSentence(2, 3, false)).toBe('Serving version 2; version 3 is active but not deployed — deploy to sync.');
  });
});
