/** The traffic split among serving versions: promote a canary, roll back, re-split (CONTRACT §3, our extension). */
import { paths } from '../../src/contract/paths';
import { TrafficUpdate, VersionPage } from '../../src/contract/versions';
import { splitWords } from '../../src/contract/traffic-rules';
import { currentSplit, record } from '../activity/rules';
import { developers } from '../core/auth';
import { domainApi, put } from '../core/operations';
import { servicePath } from '../services/paths';
import { reply } from '../core/replies';
import { assertNoRolloutInProgress, IN_PROGRESS } from '../rollouts/rules';
import { applyTraffic } from './rules';

const TRAFFIC = servicePath('/traffic', paths.traffic);

export const trafficApi = domainApi(
  ['versions'],
  [
    put(
      TRAFFIC,
      'updateTraffic',
      'Extension: re-split traffic among the serving versions (integers summing to 100). 0 archives a version; the active version at 0 rolls back to the busiest remaining one; a draining version at 100 is promoted. Refused (409) while a rollout is running or paused.',
      {
        allow: developers('change traffic'),
        body: TrafficUpdate,
        responses: {
          200: { description: 'All the versions after the change, newest first', schema: VersionPage },
          409: { description: `The service has no published version, or a rollout is in progress ("${IN_PROGRESS}")` },
        },
        handler: ({ var: { store, platform, service, body, principal } }) => {
          // A rollout moves the split by itself: a manual change waits until it is finished (CONTRACT §13).
          assertNoRolloutInProgress(store, service.id, platform.settings.drainMs);
          const before = store.versionsOf(service.id);
          const activeBefore = before.find((v) => v.status === 'active');
          applyTraffic(store, service, body.allocations, store.clock.iso());
          const items = store.versionsOf(service.id).reverse();
          const split = currentSplit(store, service.id);
          const activeAfter = items.find((v) => v.status === 'active');
          const archived = items
            .filter((v) => v.status === 'archived' && before.some((b) => b.id === v.id && b.status !== 'archived'))
            .map((v) => `v${v.version}`);
          const notes = [
            activeAfter && activeAfter.id !== activeBefore?.id
              ? `v${activeAfter.version} is active${activeBefore && activeAfter.version < activeBefore.version ? ' again (rollback)' : ''}`
              : null,
            archived.length ? `archived ${archived.join(', ')}` : null,
          ].filter(Boolean);
          record(store, service.id, principal.user, {
            kind: 'traffic.changed',
            summary: `Set the traffic split to ${splitWords(split)}${notes.length ? `; ${notes.join('; ')}` : ''}`,
            split,
            version: activeAfter?.version ?? null,
          });
          return reply(200, VersionPage, { items, total: items.length, limit: items.length, offset: 0 });
        },
      },
    ),
  ],
);
