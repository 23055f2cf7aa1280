/** What the decision reads of a status (the seed's, or with our extras) and of the history. */
type StatusLike = { deployment_state: string | null; in_progress?: boolean | null };
type DeploymentLike = { finished_at: string | null };

/** How often the Deployment tab asks for news while something moves. */
export const DEPLOYMENT_POLL_MS = 1000;

/** States that change by themselves; `built` and `active` and `failed` wait for the user. */
const MOVING = new Set<string>(['building', 'deploying', 'draining']);

/**
 * Whether a build, deploy or teardown is still under way: the status says so
 * (a moving state, or the platform's own `in_progress`), or the newest
 * deployment has not finished (a deploy rests on `built` between its phases).
 */
export function isDeploymentInProgress(status: StatusLike | undefined, history: readonly DeploymentLike[] | undefined): boolean {
  if (status?.in_progress === true) return true;
  if (status?.deployment_state && MOVING.has(status.deployment_state)) return true;
  const latest = history?.[0];
  return !!latest && latest.finished_at === null;
}

/** The refetch interval for the status and history: about a second while in progress, none when settled. */
export function deploymentPollInterval(status: StatusLike | undefined, history: readonly DeploymentLike[] | undefined): number | false {
  return isDeploymentInProgress(status, history) ? DEPLOYMENT_POLL_MS : false;
}
