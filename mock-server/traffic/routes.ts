/** The traffic split among serving versions: promote a canary, roll back, re-split (CONTRACT §3, our extension). */
import { paths } from '../../src/contract/paths';
import { TrafficUpdate, VersionPage } from '../../src/contract/versions';
import { ROLE_WRITE_SERVICES } from '../core/auth';
import { apiPath, AT, domainApi, operation } from '../core/operations';
import { reply } from '../core/replies';
import { E401, E403, E404, E422 } from '../core/responses';
import { isoNow } from '../core/time';
import { applyTraffic } from './rules';

const TRAFFIC = apiPath('/orgs/:org_id/workspaces/:workspace_id/hosted-services/:service_id/traffic', paths.traffic(AT, ':service_id'));

export const trafficApi = domainApi([
  operation({
    method: 'put',
    path: TRAFFIC,
    operationId: 'updateTraffic',
    summary:
      'Extension: re-split traffic among the serving versions (integers summing to 100). 0 archives a version; the active version at 0 rolls back to the busiest remaining one; a draining version at 100 is promoted.',
    tags: ['versions'],
    auth: 'bearer',
    roles: ROLE_WRITE_SERVICES,
    action: 'change traffic',
    body: TrafficUpdate,
    extension: true,
    responses: {
      200: { description: 'All the versions after the change, newest first', schema: VersionPage },
      401: E401,
      403: E403,
      404: E404,
      409: { description: 'The service has no published version' },
      422: E422,
    },
    handler: ({ var: { store, service, body } }) => {
      applyTraffic(store, service, body.allocations, isoNow());
      const items = store.versionsOf(service.id).reverse();
      return reply(200, VersionPage, { items, total: items.length, limit: items.length, offset: 0 });
    },
  }),
]);
