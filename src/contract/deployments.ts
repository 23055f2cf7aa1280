import * as z from 'zod/mini';
import { Id, listQuery } from './common';
import { lenient, strict, type Mode, type Reading } from './reading';
import { DeploymentState } from './services';

/** Health of the running deployment (seed 000 shows "healthy"). */
export const DeploymentHealth = z.enum(['healthy', 'degraded', 'unhealthy', 'unknown']);
export type DeploymentHealth = z.infer<typeof DeploymentHealth>;

/**
 * `GET …/deployment-status` (seed 000). `deployment_state` is null for a
 * service that was never deployed or was torn down **[decision]**; `synced`
 * is false while the deployed version is not the active version (CONTRACT §4).
 */
const deploymentStatusFields = <M extends Mode>(r: Reading<M>) => ({
  deployment_state: r.decided(z.nullable(r.openEnum(DeploymentState)), null),
  health: r.openEnum(DeploymentHealth),
  message: r.decided(z.nullable(z.string()), null),
  synced: z.boolean(),
});
export const DeploymentStatus = z.looseObject(deploymentStatusFields(strict));
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;

/** `POST …/deploy?build=false` deploys the last built image (seed 000). */
export const DeployQuery = z.object({
  build: z.pipe(
    z._default(z.enum(['true', 'false'], { error: 'build must be true or false' }), 'true'),
    z.transform((v) => v === 'true'),
  ),
});

export const DeploymentKind = z.enum(['deploy', 'build', 'teardown']);
export type DeploymentKind = z.infer<typeof DeploymentKind>;

/** A state a deployment passed through: a deployment state, or how it ended without one. */
const DeploymentEventState = z.union([DeploymentState, z.literal('torn_down'), z.literal('cancelled')]);
/** Its values, for `isKnown`. */
export const DEPLOYMENT_EVENT_STATES = [...DeploymentState.options, 'torn_down', 'cancelled'] as const;

/** A state a deployment passed through, with when (for the timeline). */
const deploymentEvent = <M extends Mode>(r: Reading<M>) =>
  z.object({
    state: r.openEnum(DeploymentEventState),
    at: r.timestamp,
    message: r.decided(z.nullable(z.string()), null),
  });
export const DeploymentEvent = deploymentEvent(strict);
export type DeploymentEvent = z.infer<typeof DeploymentEvent>;

/**
 * One build, deploy or teardown, as the deployment history **[decision:
 * extension]** `GET …/deployments` lists it: the version it took, the states it
 * went through and who started it.
 */
const deployment = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    service_id: r.decided(Id, null),
    kind: r.openEnum(DeploymentKind),
    /** False for `deploy?build=false`. */
    build: r.decided(z.boolean(), true),
    version_id: r.decided(z.nullable(Id), null),
    version: r.decided(z.nullable(z.int()), null),
    /** The latest event's state. */
    state: r.openEnum(DeploymentEventState),
    message: r.decided(z.nullable(z.string()), null),
    started_by: r.decided(z.object({ id: Id, email: z.string() }), null),
    started_at: r.timestamp,
    finished_at: r.decided(z.nullable(r.timestamp), null),
    events: r.decided(z.array(deploymentEvent(r)), []),
  });
export const [Deployment, readDeployment] = [deployment(strict), deployment(lenient)];
export type Deployment = z.infer<typeof Deployment>;
export type DeploymentRead = z.output<typeof readDeployment>;

/**
 * `GET …/deployments` **[decision: extension]**: newest first unless `sort`
 * says (`started_at`, `finished_at`); `search` covers the kind, the message and
 * who started it. A deployment has a state, which changes as it goes, not a status to filter by.
 */
export const DeploymentListQuery = listQuery(['started_at', 'finished_at']);
export const DeploymentPage = strict.page(Deployment);
export type DeploymentPage = z.infer<typeof DeploymentPage>;
export const readDeploymentPage = lenient.page(readDeployment);

/**
 * What the mock's `deployment-status` adds to the seed's shape **[decision]**
 * (optional, since the real platform may not send them): `deployment_state`,
 * `message` and `synced` describe the latest attempt, while these say which
 * deployment still serves (a failed redeploy leaves the previous one running)
 * and whether a build or deploy is under way.
 */
const deploymentStatusDetails = <M extends Mode>(r: Reading<M>) =>
  z.looseObject({
    ...deploymentStatusFields(r),
    serving_version: r.extra(z.nullable(z.int())),
    serving_deployment_id: r.extra(z.nullable(Id)),
    in_progress: r.extra(z.boolean()),
  });
export const DeploymentStatusDetails = deploymentStatusDetails(strict);
export type DeploymentStatusDetails = z.infer<typeof DeploymentStatusDetails>;
/** The status as the console reads it: the seed's four fields, and our extras when the platform sends them. */
export const readDeploymentStatus = deploymentStatusDetails(lenient);
export type DeploymentStatusRead = z.output<typeof readDeploymentStatus>;
