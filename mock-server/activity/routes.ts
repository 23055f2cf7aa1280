/** A service's activity (our extension, CONTRACT §11): who did what to it, newest first. */
import { ActivityListQuery, ActivityPage } from '../../src/contract/activity';
import { paths } from '../../src/contract/paths';
import { paginate } from '../core/lists';
import { domainApi, get } from '../core/operations';
import { servicePath } from '../services/paths';
import { reply } from '../core/replies';
import { E422, READ_ERRORS } from '../core/responses';
import { settleService } from '../rollouts/rules';
import { activityOf } from './rules';

const ACTIVITY = servicePath('/activity', paths.activity);

export const activityApi = domainApi(
  ['activity'],
  [
    get(
      ACTIVITY,
      'listServiceActivity',
      "Extension: who did what to the service and when, newest first (`kind=a,b` for some kinds only). A deploy's outcome is listed once its time has come.",
      {
        query: ActivityListQuery,
        extension: true,
        responses: { 200: { description: 'A page of activity entries', schema: ActivityPage }, ...READ_ERRORS, 422: E422 },
        handler: ({ var: { store, platform, service, query } }) => {
          // A rollout's decisions due by now are in the timeline (rollouts/rules.ts).
          settleService(store, service.id, platform.settings.drainMs);
          return reply(200, ActivityPage, paginate(activityOf(store, service.id, query.kind), query));
        },
      },
    ),
  ],
);
