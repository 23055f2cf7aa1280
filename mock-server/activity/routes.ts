/** A service's activity (our extension, CONTRACT §11): who did what to it, newest first. */
import { ActivityListQuery, ActivityPage, type ActivityEntry } from '../../src/contract/activity';
import { paths } from '../../src/contract/paths';
import { listPage, time, type ListSpec } from '../core/lists';
import { domainApi, get } from '../core/operations';
import { servicePath } from '../services/paths';
import { reply } from '../core/replies';
import { settleService } from '../rollouts/rules';
import { activityOf } from './rules';

const ACTIVITY = servicePath('/activity', paths.activity);

const activityList: ListSpec<ActivityEntry> = {
  sort: { at: (a) => time(a.at) },
  text: (a) => [a.summary, a.actor?.email],
};

export const activityApi = domainApi(
  ['activity'],
  [
    get(
      ACTIVITY,
      'listServiceActivity',
      "Extension: who did what to the service and when, newest first (`kind=a,b` for some kinds only). A deploy's outcome is listed once its time has come.",
      {
        query: ActivityListQuery,
        responses: { 200: { description: 'A page of activity entries', schema: ActivityPage } },
        // A rollout's decisions due by now are in the timeline (rollouts/rules.ts). activityOf reads newest first; the
        // list takes its rows oldest first (their order breaks ties).
        handler: ({ var: { store, platform, service, query } }) => {
          settleService(store, service.id, platform.settings.drainMs);
          return reply(200, ActivityPage, listPage(activityOf(store, service.id, query.kind).reverse(), query, activityList));
        },
      },
    ),
  ],
);
