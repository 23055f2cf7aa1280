import { z } from 'zod';
import { Id, ListQuery, Timestamp, page } from './common';
import { DeploymentState } from './services';

/** Health of the running deployment (seed 000 shows "healthy"). */
export const DeploymentHealth = z.enum(['healthy', 'degraded', 'unhealthy', 'unknown']);
export type DeploymentHealth = z.infer<typeof DeploymentHealth>;

/**
 * `GET …/deployment-status` (seed 000). `deployment_state` is null for a
 * service that was never deployed or was torn down **[decision]**; `synced`
 * is false while the deployed version is not the active version (CONTRACT §4).
 */
export const DeploymentStatus = z.looseObject({
  deployment_state: DeploymentState.nullable(),
  health: DeploymentHealth,
  message: z.string().nullable(),
  synced: z.boolean(),
});
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;

/** `POST …/deploy?build=false` deploys the last built image (seed 000). */
export const DeployQuery = z.object({
  build: z
    .enum(['true', 'false'], { error: 'build must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
});

export const DeploymentKind = z.enum(['deploy', 'build', 'teardown']);
export type DeploymentKind = z.infer<typeof DeploymentKind>;

/** A state a deployment passed through, with when (for the timeline). */
export const DeploymentEvent = z.object({
  state: z.union([DeploymentState, z.literal('torn_down'), z.literal('cancelled')]),
  at: Timestamp,
  message: z.string().nullable(),
});
export type DeploymentEvent = z.infer<typeof DeploymentEvent>;

/**
 * One build, deploy or teardown, as the deployment history **[decision:
 * extension]** `GET …/deployments` lists it: the version it took, the states it
 * went through and who started it.
 */
export const Deployment = z.object({
  id: Id,
  service_id: Id,
  kind: DeploymentKind,
  /** False for `deploy?build=false`. */
  build: z.boolean(),
  version_id: Id.nullable(),
  version: z.number().int().nullable(),
  /** The latest event's state. */
  state: z.union([DeploymentState, z.literal('torn_down'), z.literal('cancelled')]),
  message: z.string().nullable(),
  started_by: z.object({ id: Id, email: z.string() }),
  started_at: Timestamp,
  finished_at: Timestamp.nullable(),
  events: z.array(DeploymentEvent),
});
export type Deployment = z.infer<typeof Deployment>;

/** `GET …/deployments` **[decision: extension]**: newest first. */
export const DeploymentListQuery = ListQuery.pick({ limit: true, offset: true });
export const DeploymentPage = page(Deployment);
export type DeploymentPage = z.infer<typeof DeploymentPage>;

/**
 * What the mock's `deployment-status` adds to the seed's shape **[decision]**
 * (optional, since the real platform may not send them): `deployment_state`,
 * `message` and `synced` describe the latest attempt, while these say which
 * deployment still serves (a failed redeploy leaves the previous one running)
 * and whether a build or deploy is under way.
 */
export const DeploymentStatusDetails = DeploymentStatus.extend({
  serving_version: z.number().int().nullable().optional(),
  serving_deployment_id: Id.nullable().optional(),
  in_progress: z.boolean().optional(),
});
export type DeploymentStatusDetails = z.infer<typeof DeploymentStatusDetails>;
