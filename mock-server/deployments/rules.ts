/**
 * Persistent deployments (CONTRACT §4): build, deploy, teardown, status and
 * history, computed lazily from timestamps.
 *
 * A build or deploy is planned in full when it starts: every event it will go
 * through is stored with its absolute time (`building` at t0, `built` at t0+P,
 * `deploying` at t0+2P, `active` at t0+3P, where P is the phase length,
 * `MOCK_DEPLOY_PHASE_MS`, default 2500). Reads show the events whose time has
 * come, so the state moves on a clock without timers, is the same for any
 * reader, and survives a restart.
 *
 * Deterministic failures (so tests and demos can make them happen):
 * - a build fails if the service's `system_packages` has a name starting with
 *   `nonexistent-` ("Build failed: E: Unable to locate package nonexistent-foo");
 * - a deploy fails if `startup_timeout_seconds` is 1 ("Deploy failed: the
 *   container did not become healthy within 1 second (startup_timeout_seconds)").
 * A failed build or deploy leaves the previous deployment serving.
 *
 * **[decision]** `deployment-status` (and the service's `deployment_state`)
 * describe the latest attempt: a failed redeploy reads `failed` with its
 * message, while `serving_version` says the previous deployment still serves,
 * and `health` is that of the serving container (`unknown` when none serves,
 * `unhealthy` when the latest deploy failed and nothing serves). `synced` is
 * true when the serving deployment runs the service's active version. When a
 * new deploy becomes active, the one it replaces is `draining` for one phase,
 * then `torn_down`. A teardown stops the serving container at once (state
 * null, health `unknown`); a build, deploy or teardown while a build or deploy
 * is under way is a 409.
 */
import { randomUUID } from 'node:crypto';
import type { Deployment, DeploymentEvent, DeploymentHealth, DeploymentStatusDetails } from '../../src/contract/deployments';
import type { DeploymentState } from '../../src/contract/services';
import { conflict } from '../core/errors';
import type { UserRecord } from '../auth/records';
import type { DeploymentRecord } from './records';
import type { ServiceRecord } from '../services/records';
import type { VersionRecord } from '../versions/records';
import type { Store } from '../core/store';
import { iso } from '../core/time';

export const DEFAULT_DEPLOY_PHASE_MS = 2500;

type EventState = DeploymentEvent['state'];
const at = (e: { at: string }) => Date.parse(e.at);

export const buildFailure = (s: Pick<ServiceRecord, 'system_packages'>): string | null => {
  const bad = s.system_packages.find((p) => p.startsWith('nonexistent-'));
  return bad ? `Build failed: E: Unable to locate package ${bad}` : null;
};

export const deployFailure = (s: Pick<ServiceRecord, 'startup_timeout_seconds'>): string | null =>
  s.startup_timeout_seconds === 1 ? 'Deploy failed: the container did not become healthy within 1 second (startup_timeout_seconds)' : null;

/** The service's deployments, oldest first. */
export const deploymentsOf = (store: Store, serviceId: string): readonly DeploymentRecord[] => store.deployments.in('service', serviceId);

function visible(d: DeploymentRecord, now: number): DeploymentEvent[] {
  return d.events.filter((e) => at(e) <= now);
}

function lastEvent(d: DeploymentRecord, now: number): DeploymentEvent | undefined {
  const v = visible(d, now);
  return v[v.length - 1];
}

function stateAt(d: DeploymentRecord, now: number): EventState | null {
  return lastEvent(d, now)?.state ?? null;
}

export function inProgress(d: DeploymentRecord, now: number): boolean {
  return d.kind !== 'teardown' && d.finished_at !== null && Date.parse(d.finished_at) > now;
}

/** The deployment whose container serves now (the newest that is `active`). */
export function serving(list: readonly DeploymentRecord[], now: number): DeploymentRecord | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const d = list[i]!;
    if (d.kind === 'deploy' && stateAt(d, now) === 'active') return d;
  }
  return undefined;
}

/** The last successfully built image (a build, or a deploy that built), by the version it holds. */
export function builtImage(list: readonly DeploymentRecord[], now: number): DeploymentRecord | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const d = list[i]!;
    if (d.kind !== 'teardown' && d.build && visible(d, now).some((e) => e.state === 'built')) return d;
  }
  return undefined;
}

/** The service's deployment state now: the latest attempt's, null after a teardown (or the stored field if there is no history). */
export function liveDeploymentState(store: Store, s: ServiceRecord, now = store.clock.now()): DeploymentState | null {
  const list = deploymentsOf(store, s.id);
  const latest = list[list.length - 1];
  if (!latest) return s.deployment_state;
  if (latest.kind === 'teardown') return null;
  const st = stateAt(latest, now);
  return st === null || st === 'torn_down' || st === 'cancelled' ? null : st;
}

export function toDeployment(d: DeploymentRecord, now: number): Deployment {
  const events = visible(d, now);
  const last = events[events.length - 1];
  return {
    id: d.id,
    service_id: d.service_id,
    kind: d.kind,
    build: d.build,
    version_id: d.version_id,
    version: d.version,
    state: last?.state ?? (d.kind === 'deploy' && !d.build ? 'deploying' : 'building'),
    message: [...events].reverse().find((e) => e.message !== null)?.message ?? null,
    started_by: d.started_by,
    started_at: d.started_at,
    finished_at: d.finished_at !== null && Date.parse(d.finished_at) <= now ? d.finished_at : null,
    events,
  };
}

export function deploymentStatus(
  store: Store,
  s: ServiceRecord,
  active: VersionRecord | undefined,
  now = store.clock.now(),
): DeploymentStatusDetails {
  const list = deploymentsOf(store, s.id);
  const state = liveDeploymentState(store, s, now);
  if (list.length === 0) {
    // A service seeded with a state but no history (the `large` seed).
    return {
      deployment_state: state,
      health: state === 'active' ? 'healthy' : 'unknown',
      message: null,
      synced: state === 'active',
      serving_version: null,
      serving_deployment_id: null,
      in_progress: state === 'building' || state === 'deploying',
    };
  }
  const latest = list[list.length - 1]!;
  const live = serving(list, now);
  const events = visible(latest, now);
  const last = events[events.length - 1];
  const failed = state === 'failed' && last !== undefined;
  let health: DeploymentHealth = 'unknown';
  if (live) health = 'healthy';
  else if (failed && events[events.length - 2]?.state === 'deploying') health = 'unhealthy';
  return {
    deployment_state: state,
    health,
    message: failed ? last.message : null,
    synced: live !== undefined && active !== undefined && live.version_id === active.id,
    serving_version: live?.version ?? null,
    serving_deployment_id: live?.id ?? null,
    in_progress: inProgress(latest, now),
  };
}

export interface StartOptions {
  kind: 'deploy' | 'build';
  /** False for `deploy?build=false`. */
  build: boolean;
  user: Pick<UserRecord, 'id' | 'email'>;
  phaseMs: number;
  now?: number;
}

const activeVersionOf = (store: Store, serviceId: string) => store.versionsOf(serviceId).find((v) => v.status === 'active');

/** The 409s every build and deploy checks: persistent mode, a published version, nothing under way. */
export function requireDeployable(store: Store, s: ServiceRecord, now: number): VersionRecord {
  if (s.execution_mode !== 'persistent') throw conflict('Deployments are for persistent services; this service runs in invocation mode');
  const active = activeVersionOf(store, s.id);
  if (!active) throw conflict('Publish a version before deploying');
  if (deploymentsOf(store, s.id).some((d) => inProgress(d, now))) throw conflict('A deployment is already in progress');
  return active;
}

/** Later events of a deployment (its records are frozen: a change is a new record). */
function addEvents(store: Store, d: DeploymentRecord, ...events: DeploymentEvent[]): void {
  store.deployments.put({ ...d, events: [...d.events, ...events] });
}

/** Keep the stored service field in step (reads compute it live anyway). */
function syncService(store: Store, s: ServiceRecord, now: number): void {
  const state = liveDeploymentState(store, s, now);
  if (state !== s.deployment_state) store.services.put({ ...s, deployment_state: state });
}

/**
 * Plan the events of a build or deploy that starts at `t0`.
 * `image` is the built image a `deploy?build=false` deploys.
 */
export function planEvents(o: {
  kind: 'deploy' | 'build';
  build: boolean;
  t0: number;
  phaseMs: number;
  buildError: string | null;
  deployError: string | null;
}) {
  const events: DeploymentEvent[] = [];
  let t = o.t0;
  const push = (state: EventState, message: string | null = null) => events.push({ state, at: iso(t), message });
  if (o.build) {
    push('building');
    t += o.phaseMs;
    if (o.buildError) {
      push('failed', o.buildError);
      return { events, finished: t, ok: false };
    }
    push('built');
    if (o.kind === 'build') return { events, finished: t, ok: true };
    t += o.phaseMs;
  }
  push('deploying');
  t += o.phaseMs;
  if (o.deployError) push('failed', o.deployError);
  else push('active');
  return { events, finished: t, ok: !o.deployError };
}

/** Start a build (`kind: build`) or a deploy (with or without a build). */
export function startDeployment(store: Store, s: ServiceRecord, o: StartOptions): DeploymentRecord {
  const now = o.now ?? store.clock.now();
  const active = requireDeployable(store, s, now);
  const list = deploymentsOf(store, s.id);
  let version: { id: string; version: number } = active;
  if (o.kind === 'deploy' && !o.build) {
    const image = builtImage(list, now);
    if (!image || image.version_id === null || image.version === null) throw conflict('No built image to deploy; build first');
    version = { id: image.version_id, version: image.version };
  }
  const plan = planEvents({
    kind: o.kind,
    build: o.kind === 'build' || o.build,
    t0: now,
    phaseMs: o.phaseMs,
    buildError: o.kind === 'build' || o.build ? buildFailure(s) : null,
    deployError: o.kind === 'deploy' ? deployFailure(s) : null,
  });
  const d: DeploymentRecord = {
    id: randomUUID(),
    service_id: s.id,
    kind: o.kind,
    build: o.kind === 'build' || o.build,
    version_id: version.id,
    version: version.version,
    started_by: { id: o.user.id, email: o.user.email },
    started_at: iso(now),
    finished_at: iso(plan.finished),
    events: plan.events,
  };
  if (o.kind === 'deploy' && plan.ok) {
    // The deployment it replaces drains for one phase once the new one is active.
    const old = serving(list, now);
    if (old) {
      addEvents(
        store,
        old,
        {
          state: 'draining',
          at: iso(plan.finished),
          // A redeploy of the same version (an image rebuilt, a container restarted) replaces it too: say so, not "version 2 replaced by version 2".
          message:
            old.version === version.version
              ? `Replaced by a new deployment of version ${version.version}`
              : `Replaced by version ${version.version}`,
        },
        { state: 'torn_down', at: iso(plan.finished + o.phaseMs), message: 'Drained and stopped' },
      );
    }
  }
  store.deployments.put(d);
  syncService(store, s, now);
  return d;
}

/** Stop the serving container. */
export function teardown(
  store: Store,
  s: ServiceRecord,
  user: Pick<UserRecord, 'id' | 'email'>,
  now = store.clock.now(),
): DeploymentRecord {
  if (s.execution_mode !== 'persistent') throw conflict('Deployments are for persistent services; this service runs in invocation mode');
  const list = deploymentsOf(store, s.id);
  if (list.some((d) => inProgress(d, now)))
    throw conflict('A deployment is already in progress; wait for it to finish before tearing down');
  const live = serving(list, now);
  if (!live) throw conflict('Nothing is deployed: there is no running container to stop');
  const message = `Stopped version ${live.version}`;
  addEvents(store, live, { state: 'torn_down', at: iso(now), message: 'Torn down' });
  const d: DeploymentRecord = {
    id: randomUUID(),
    service_id: s.id,
    kind: 'teardown',
    build: false,
    version_id: live.version_id,
    version: live.version,
    started_by: { id: user.id, email: user.email },
    started_at: iso(now),
    finished_at: iso(now),
    events: [{ state: 'torn_down', at: iso(now), message }],
  };
  store.deployments.put(d);
  syncService(store, s, now);
  return d;
}
