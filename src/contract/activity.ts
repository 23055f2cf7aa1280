/**
 * **[decision, extension]** A service's activity: who did what to it, and when
 * (`GET …/hosted-services/{id}/activity`, newest first, paged). The platform
 * writes each entry's `summary` in words, so a console that does not know a
 * kind still shows what happened; the structured fields say what the console
 * draws from (a version, the split that resulted, the fields that changed).
 */
import * as z from 'zod/mini';
import { Id, listQuery } from './common';
import { lenient, strict, withPage, type Mode, type Reading } from './reading';

export const ActivityKind = z.enum([
  'service.created',
  'service.updated',
  'version.created',
  'version.published',
  'traffic.changed',
  'deployment.started',
  'deployment.finished',
  'deployment.failed',
  'deployment.torn_down',
  'credentials.set',
  'credentials.cleared',
  'token.minted',
  'token.revoked',
  'tokens.revoked_all',
  /** DDL ran on a connector instance the service binds (CONTRACT §14). */
  'connector.ddl_executed',
  /** A progressive rollout's events (CONTRACT §13), one entry each, at the time the event was due; `rollout_id` names it. */
  'rollout.started',
  'rollout.advanced',
  'rollout.paused',
  'rollout.resumed',
  'rollout.promoted',
  'rollout.aborted',
  'rollout.inconclusive',
  'rollout.succeeded',
]);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** The kinds that change how traffic is split: the Traffic tab's history (a rollout moves it when it starts, advances, is promoted or aborted). */
export const SPLIT_KINDS = [
  'version.published',
  'traffic.changed',
  'rollout.started',
  'rollout.advanced',
  'rollout.promoted',
  'rollout.aborted',
] as const satisfies readonly ActivityKind[];

/** One version's share of the traffic after the entry's change (only versions with traffic are listed). */
export const SplitShare = z.object({ version_id: Id, version: z.int(), percent: z.int().check(z.minimum(1), z.maximum(100)) });
export type SplitShare = z.infer<typeof SplitShare>;

const activityEntry = <M extends Mode>(r: Reading<M>) =>
  z.object({
    id: Id,
    service_id: r.decided(Id, null),
    kind: r.openEnum(ActivityKind),
    at: r.timestamp,
    /** Who did it (for a deploy's outcome: who started it); null for the platform itself. */
    actor: r.decided(z.nullable(z.object({ id: z.string(), email: z.string() })), null),
    /** What happened, in words. */
    summary: r.decided(z.string(), null),
    /** The version it concerns, if one. */
    version: r.decided(z.nullable(z.int()), null),
    /** `version.published`, `traffic.changed`: the split that resulted. */
    split: r.decided(z.nullable(z.array(SplitShare)), null),
    /** `service.updated`: the fields that changed. */
    fields: r.decided(z.nullable(z.array(z.string())), null),
    /** `deployment.*`: the deployment record. */
    deployment_id: r.decided(z.nullable(Id), null),
    /** `token.*`: the token's ID. */
    jti: r.decided(z.nullable(z.string()), null),
    /** `rollout.*`: the rollout (CONTRACT §13); absent on other entries. */
    rollout_id: r.extra(Id),
  });
export const [ActivityEntry, ActivityPage] = withPage(activityEntry, strict);
export const [readActivityEntry, readActivityPage] = withPage(activityEntry, lenient);
export type ActivityEntry = z.infer<typeof ActivityEntry>;
export type ActivityEntryRead = z.output<typeof readActivityEntry>;

/**
 * Newest first (`at`, the only sort: an entry is a moment); `search` covers
 * the summary and who did it; `?kind=a,b`: only entries of these kinds (an
 * entry has a kind, not a status).
 */
export const ActivityListQuery = z.extend(listQuery(['at']), {
  kind: z.optional(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((text) =>
          text
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        ),
      ),
      z.array(ActivityKind),
    ),
  ),
});
