import type { Role } from '@/contract/auth';
import type { DeploymentRead, DeploymentStatusRead } from '@/contract/deployments';
import type { HostedServiceRead } from '@/contract/services';
import { isDeploymentInProgress } from '@/data/deployments/deployment-polling';
import type { DeploymentAction } from '@/data/deployments/start-deployment';
import { roleReason } from '@/lib/permissions';
import type { Tone } from '@/ui/badge';

export type ActionAvailability = Record<DeploymentAction, string | null>;

/** What the rules read of a status: the seed's fields, and our extras when the platform sends them. */
type DeploymentStatus = Pick<DeploymentStatusRead, 'deployment_state' | 'synced'> & {
  serving_version?: number | null;
  in_progress?: boolean | null;
};
/** What they read of a deployment in the history (or one this console started, on a platform without the history). */
type Deployment = Pick<DeploymentRead, 'kind' | 'build' | 'version' | 'state' | 'finished_at'> & {
  events: readonly { state: string }[] | null;
};

export const INVOCATION_REASON =
  'Deployments are for persistent services; this one runs in invocation mode, where the platform starts it on each request.';

/** The version the running container serves: the platform's word if it gives one, else the last deploy that went live. */
export function servingVersion(
  status: DeploymentStatus | undefined,
  history: readonly Deployment[],
  activeVersion: number | null = null,
): number | null {
  if (typeof status?.serving_version === 'number') return status.serving_version;
  if (status && status.deployment_state === null) return null;
  for (const d of history) {
    if (d.kind === 'teardown' && (d.state === 'torn_down' || d.state === 'draining')) return null;
    if (d.kind === 'deploy' && (d.state === 'active' || d.state === 'draining')) return d.version;
  }
  // Deployed before any history was kept: "synced" says it is the active version.
  return status?.deployment_state === 'active' && status.synced ? activeVersion : null;
}

/** Whether an image was built that `deploy?build=false` can use. */
export function hasBuiltImage(status: DeploymentStatus | undefined, history: readonly Deployment[]): boolean {
  if (status?.deployment_state === 'built' || status?.deployment_state === 'active') return true;
  return history.some((d) => d.kind !== 'teardown' && (d.events ?? []).some((e) => e.state === 'built'));
}

/** Why each action does not apply now (null when it does). The platform decides too, with a 409. */
export function actionAvailability(input: {
  service: Pick<HostedServiceRead, 'execution_mode' | 'active_version'>;
  role: Role;
  status: DeploymentStatus | undefined;
  history: readonly Deployment[];
}): ActionAvailability {
  const { service, role, status, history } = input;
  const common =
    service.execution_mode !== 'persistent'
      ? INVOCATION_REASON
      : (roleReason(role, 'service:write') ??
        (isDeploymentInProgress(status, history) ? 'A deployment is in progress; wait for it to finish.' : null));
  if (common) return { build: common, deploy: common, 'deploy-prebuilt': common, teardown: common };
  const unpublished = service.active_version === null ? 'Nothing is published yet: publish a version first.' : null;
  const deployed = status?.deployment_state === 'active' || servingVersion(status, history, service.active_version) !== null;
  return {
    build: unpublished,
    deploy: unpublished,
    'deploy-prebuilt': unpublished ?? (hasBuiltImage(status, history) ? null : 'No built image yet: build first, or use Deploy.'),
    teardown: deployed ? null : 'Nothing is deployed to tear down.',
  };
}

export type StepState = 'done' | 'current' | 'failed' | 'upcoming' | 'skipped';
export type Step = { phase: 'building' | 'built' | 'deploying' | 'active'; label: string; state: StepState };

const PHASES = ['building', 'built', 'deploying', 'active'] as const;
const LABELS: Record<Step['phase'], string> = { building: 'Building', built: 'Built', deploying: 'Deploying', active: 'Active' };

/**
 * The stepper building → built → deploying → active for the newest build or
 * deploy (or, without history, the status alone). A failure is marked at the
 * phase that failed; a deploy of a prebuilt image skips the build phases.
 */
export function progressSteps(latest: Deployment | undefined, status: DeploymentStatus | undefined): Step[] {
  const reached = latest ? (latest.events ?? []).map((e) => e.state) : status?.deployment_state ? [status.deployment_state] : [];
  const current = latest ? latest.state : (status?.deployment_state ?? null);
  const lastPhase = [...reached].reverse().find((s): s is Step['phase'] => (PHASES as readonly string[]).includes(s));
  let at = lastPhase ? PHASES.indexOf(lastPhase) : -1;
  const failed = current === 'failed';
  // A failure after "built" happened while deploying; one with no phase yet, while building (or deploying a prebuilt image).
  let failedAt = -1;
  if (failed) {
    if (at === -1) failedAt = latest && !latest.build ? 2 : 0;
    else failedAt = lastPhase === 'built' ? 2 : at;
    at = failedAt;
  }
  const skipBuild = !!latest && latest.kind === 'deploy' && !latest.build;
  const done = current === 'active' || (latest?.kind === 'build' && current === 'built');
  return PHASES.map((phase, i) => {
    let state: StepState;
    if (skipBuild && i < 2) state = 'skipped';
    else if (failed) state = i < failedAt ? 'done' : i === failedAt ? 'failed' : 'upcoming';
    else if (i < at || (i === at && done)) state = 'done';
    else if (i === at) state = 'current';
    else state = 'upcoming';
    return { phase, label: LABELS[phase], state };
  }).filter((step) => !(latest?.kind === 'build' && (step.phase === 'deploying' || step.phase === 'active')));
}

/** Health and `synced` in words. */
export function servingSentence(serving: number | null, active: number | null, synced: boolean): string {
  if (serving === null)
    return active === null ? 'Nothing is deployed.' : `Nothing is deployed; version ${active} is active — deploy to serve it.`;
  if (synced || serving === active) return `Serving version ${serving}, the active version.`;
  return `Serving version ${serving}; version ${active ?? '?'} is active but not deployed — deploy to sync.`;
}

export function stateTone(state: string): Tone {
  if (state === 'active') return 'success';
  if (state === 'failed') return 'danger';
  if (state === 'built' || state === 'torn_down' || state === 'cancelled') return 'neutral';
  return 'info';
}
