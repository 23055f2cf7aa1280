import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { paths, type Scope } from '@/contract/paths';
import { readRollout, RolloutCreate } from '@/contract/rollouts';
import type { ServiceVersionRead } from '@/contract/versions';
import { api } from '@/lib/api-client';
import { callExtension } from '@/lib/extensions';
import { publishVersion } from '../versions/publish-version';
import { versionsChanged } from '../versions/versions-changed';
import { keepNewestRollout, rolloutMoved } from './rollout-moved';

/**
 * [extension] Start a progressive rollout of a serving version (CONTRACT §13):
 * the split goes to its first step at once. Idempotent: a retry with the same
 * key never starts a second one.
 */
export const startRollout = (scope: Scope, serviceId: string, input: RolloutCreate, idempotencyKey: string) =>
  callExtension('rollouts', () =>
    api.post(paths.rollouts(scope, serviceId), readRollout, { body: RolloutCreate.parse(input), idempotencyKey }),
  );

/**
 * Publish a draft, then roll it out: published at the first step's percent,
 * then the rollout starts. Two requests, each under the submission's
 * Idempotency-Key (a retry replays what already happened rather than doing it
 * twice); once the version is published, a retry only starts the rollout.
 *
 * The versions are read again only when both are done, or when the dialog
 * closes after the first (`settle`): the draft's page turns into the published
 * version's as soon as they are, and the dialog with it.
 */
export function usePublishWithRollout(scope: Scope, serviceId: string, draftId: string) {
  const queryClient = useQueryClient();
  const [published, setPublished] = useState<ServiceVersionRead | null>(null);

  const send = async (body: Omit<RolloutCreate, 'version_id'>, idempotencyKey: string) => {
    let version = published;
    if (!version) {
      version = await publishVersion(scope, serviceId, draftId, { traffic_percent: body.steps[0]!.percent }, idempotencyKey);
      setPublished(version);
    }
    const rollout = await startRollout(scope, serviceId, { version_id: draftId, ...body }, idempotencyKey);
    keepNewestRollout(queryClient, scope, serviceId, rollout);
    await rolloutMoved(queryClient, scope, serviceId);
    return { version, rollout };
  };

  /** After the version was published but its rollout did not start, and the dialog closes: show what is so. */
  const settle = () => {
    if (published) void versionsChanged(queryClient, scope, serviceId);
  };

  return { send, published, settle };
}
