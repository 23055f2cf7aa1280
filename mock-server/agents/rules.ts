/**
 * Agent service instances (seed 003) on the mock's clock. A record keeps what
 * was asked and when; the status, the times and the readiness detail follow
 * from the clock, so they survive a restart and nothing has to run in the
 * background. With P the phase length (`MOCK_AGENT_PHASE_MS`):
 *
 * - `starting` for P, then by the version's startup (deterministic, seed data):
 *   `ready`; `failed` with a `failure_reason` (a version that crashes on
 *   start); or `ready` and, P later, `unhealthy` (a version whose health check fails);
 * - a stop (from starting, ready or unhealthy): `stopping` for P, then `stopped`.
 *
 * Environment values reach `createAgentService` and go no further: the mock
 * runs no process to inject them into, and keeps nothing of them. The public
 * URL's `edge_token` is derived from the service-token secret (never stored)
 * and the URL is shown only while the instance is ready.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { AgentService, AgentServiceStatus } from '../../src/contract/agents';
import { STOPPABLE_AGENT_STATUSES } from '../../src/contract/agents';
import { conflict, issue, validationError } from '../core/errors';
import { sha256 } from '../core/hashing';
import type { PlatformUser } from '../core/context';
import type { AgentDeploymentRecord, AgentServiceRecord, AgentVersionRecord } from './records';
import type { Store } from '../core/store';
import { iso } from '../core/time';

export const DEFAULT_AGENT_PHASE_MS = 3000;

/** What a crashing version says (the seed's research-assistant v2). */
export const STARTUP_FAILURE =
  "The agent process exited with code 1 before it was ready: ModuleNotFoundError: No module named 'langchain_communty'";
const HEALTH_CHECK = 'GET /healthz';

type Step = { at: number; status: AgentServiceStatus };

/** The version an instance runs: the one asked for, or the deployment's current one. */
export function versionFor(deployment: AgentDeploymentRecord, versionId: string | null | undefined): AgentVersionRecord {
  const id = versionId ?? deployment.current_version_id;
  const version = deployment.versions.find((v) => v.id === id);
  if (!version)
    throw validationError([
      issue(['body', 'version_id'], `Version ${id} is not a version of the agent deployment ${deployment.name}`, 'value_error'),
    ]);
  return version;
}

const hashNumber = (text: string) => parseInt(sha256(text).slice(0, 8), 16);

/**
 * A new instance, starting now. `envs` are checked by the contract and handed
 * here as a real platform would inject them into the process: this mock runs
 * none, so they end here — not stored, not logged, not returned.
 */
export function createAgentService(
  store: Store,
  deployment: AgentDeploymentRecord,
  version: AgentVersionRecord,
  by: PlatformUser,
  idempotencyKey: string | null,
  _envs: Readonly<Record<string, string>>,
  now = store.clock.now(),
): AgentServiceRecord {
  const id = `adsvc_${randomBytes(6).toString('hex')}`;
  return store.agentServices.put({
    id,
    org_id: deployment.org_id,
    deployment_id: deployment.id,
    version_id: version.id,
    // An unprivileged port, 32768…60999, as the seed's example.
    port: 32_768 + (hashNumber(`port:${id}`) % 28_232),
    sandbox_id: `sbx_${randomBytes(6).toString('hex')}`,
    process_id: 1000 + (hashNumber(`pid:${id}`) % 60_000),
    startup: version.startup,
    created_at: iso(now),
    created_by: by.id,
    idempotency_key: idempotencyKey,
    stop_requested_at: null,
    stop_requested_by: null,
  });
}

/** The instance's steps up to now, oldest first. */
function stepsOf(r: AgentServiceRecord, phaseMs: number, now: number): Step[] {
  const created = Date.parse(r.created_at);
  let steps: Step[] = [{ at: created, status: 'starting' }];
  if (r.startup === 'fails') steps.push({ at: created + phaseMs, status: 'failed' });
  else steps.push({ at: created + phaseMs, status: 'ready' });
  if (r.startup === 'unhealthy') steps.push({ at: created + 2 * phaseMs, status: 'unhealthy' });
  if (r.stop_requested_at) {
    const stop = Date.parse(r.stop_requested_at);
    steps = steps.filter((s) => s.at <= stop);
    steps.push({ at: stop, status: 'stopping' }, { at: stop + phaseMs, status: 'stopped' });
  }
  return steps.filter((s) => s.at <= now);
}

/** The instance's status now. */
export function statusOf(r: AgentServiceRecord, phaseMs: number, now: number): AgentServiceStatus {
  return stepsOf(r, phaseMs, now).at(-1)!.status;
}

/** The bearer credential in the public URL: derived from a secret kept apart from the state, never stored. */
function edgeToken(secret: string, id: string): string {
  return `et_${createHmac('sha256', secret).update(`agent-edge-token\n${id}`).digest('base64url').slice(0, 32)}`;
}

/** The public URL of a ready instance: a signed edge URL (seed 003: do not log or persist it). */
export function publicUrlOf(secret: string, r: AgentServiceRecord): string {
  return `https://${r.id.replace(/_/g, '-')}.edge.agents.mock.test/?edge_token=${edgeToken(secret, r.id)}`;
}

function readiness(
  r: AgentServiceRecord,
  status: AgentServiceStatus,
  steps: Step[],
  phaseMs: number,
  now: number,
): Record<string, unknown> {
  const since = iso(steps.at(-1)!.at);
  switch (status) {
    case 'starting': {
      const provisioning = now - Date.parse(r.created_at) < phaseMs / 2;
      return provisioning
        ? { phase: 'starting', step: 'provisioning_sandbox', since, message: 'Provisioning the sandbox' }
        : { phase: 'starting', step: 'waiting_for_port', since, message: `Waiting for the agent to listen on port ${r.port}` };
    }
    case 'ready':
      return { phase: 'ready', since, health_check: HEALTH_CHECK, healthy: true, message: `Answering health checks on port ${r.port}` };
    case 'unhealthy':
      return {
        phase: 'unhealthy',
        since,
        health_check: HEALTH_CHECK,
        healthy: false,
        consecutive_failures: 3,
        message: `The health check (${HEALTH_CHECK}) answered HTTP 503 three times in a row`,
      };
    case 'failed':
      return { phase: 'failed', since, exit_code: 1, message: `The process exited with code 1 before it listened on port ${r.port}` };
    case 'stopping':
      return { phase: 'stopping', since, message: 'Draining open connections, then stopping the process' };
    case 'stopped':
      return { phase: 'stopped', since, message: 'Stopped on request' };
  }
}

/** An instance as seed 003 lists it, now. */
export function agentServiceView(r: AgentServiceRecord, phaseMs: number, edgeSecret: string, now: number): AgentService {
  const steps = stepsOf(r, phaseMs, now);
  const last = steps.at(-1)!;
  const when = (status: AgentServiceStatus) => steps.find((s) => s.status === status)?.at;
  const readyAt = when('ready');
  const endedAt = when('stopped') ?? when('failed');
  return {
    id: r.id,
    deployment_id: r.deployment_id,
    version_id: r.version_id,
    status: last.status,
    port: r.port,
    created_at: r.created_at,
    updated_at: iso(last.at),
    sandbox_id: r.sandbox_id,
    process_id: r.process_id,
    public_url: last.status === 'ready' ? publicUrlOf(edgeSecret, r) : null,
    readiness_status: readiness(r, last.status, steps, phaseMs, now),
    failure_reason: last.status === 'failed' ? STARTUP_FAILURE : null,
    started_at: readyAt === undefined ? null : iso(readyAt),
    stopped_at: endedAt === undefined ? null : iso(endedAt),
    idempotency_key: r.idempotency_key,
  };
}

/** Ask an instance to stop. Stopping already: nothing changes; stopped or failed: a 409. */
export function stopAgentService(
  store: Store,
  r: AgentServiceRecord,
  by: PlatformUser,
  phaseMs: number,
  now = store.clock.now(),
): AgentServiceRecord {
  const status = statusOf(r, phaseMs, now);
  if (status === 'stopping') return r;
  if (!STOPPABLE_AGENT_STATUSES.includes(status)) {
    throw conflict(status === 'failed' ? 'This instance failed to start: there is nothing to stop' : 'This instance is already stopped');
  }
  return store.agentServices.put({ ...r, stop_requested_at: iso(now), stop_requested_by: by.id });
}

/** A deployment as listed (its versions, without the mock's startup behaviour). */
export function agentDeploymentView(d: AgentDeploymentRecord) {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    current_version_id: d.current_version_id,
    versions: d.versions.map(({ startup: _startup, ...v }) => v),
    created_at: d.created_at,
    updated_at: d.updated_at,
  };
}
