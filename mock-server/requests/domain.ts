/**
 * The request log (CONTRACT §12, our extension): every call the gateway
 * answers, recorded by middleware around the gateway's operations and the
 * async submit (recorder.ts), kept in a table of its own (log.ts: written in
 * batches, read with indexes, 7 days), read as a list, one by one, or live
 * (routes.ts, stream.ts). Its settings make the demo come alive (synthetic.ts):
 * `MOCK_TRAFFIC` and `MOCK_SEED_REQUESTS`.
 */
import * as requests from '../../src/contract/requests';
import { defineDomain } from '../core/domain';
import { RequestLog, REQUEST_TABLE_DDL, REQUESTS_TABLE } from './log';
import { requestsApi } from './routes';
import { backfill, startDemoTraffic } from './synthetic';

declare module '../core/store' {
  interface StoreQueries {
    /** Every call the gateway answered, by service (log.ts). */
    requestLog: RequestLog;
  }
}
declare module '../core/context' {
  interface Settings {
    /** `MOCK_TRAFFIC`: `demo` keeps synthetic calls flowing through the gateway to the demo services; `off` (default here; main.ts makes it `demo` for the demo seed outside test mode). */
    traffic: 'demo' | 'off';
    /**
     * `MOCK_SEED_REQUESTS`: request records backfilled over the last 7 days when a
     * state is first seeded (and on a reset). Null (default): the demo's own few
     * days of history when `traffic` is `demo`, none otherwise.
     */
    seedRequests: number | null;
    /** Record the gateway's calls (default true); off only to measure what recording costs (scripts/bench.ts). */
    recordRequests: boolean;
  }
}

export const requestsDomain = defineDomain({
  name: 'requests',
  apis: [requestsApi],
  tables: { names: [REQUESTS_TABLE], ddl: REQUEST_TABLE_DDL },
  queries: (store) => {
    const log = new RequestLog(store.sql, store.clock);
    store.onClear(() => log.cleared());
    store.onClose(() => log.close());
    // A deleted service's records go with it (on the next flush, not on the request that deleted it).
    store.services.watch((before, after) => {
      if (before && !after) log.forget(before.id);
    });
    return { requestLog: log };
  },
  settings: { traffic: 'off', seedRequests: null, recordRequests: true },
  afterSeed: ({ store, settings }) => {
    if (settings.seedRequests !== null) {
      if (settings.seedRequests > 0) backfill(store, settings.seedRequests);
    } else if (settings.traffic === 'demo') backfill(store, null);
  },
  start: (platform) => (platform.settings.traffic === 'demo' ? startDemoTraffic(platform) : undefined),
  openapi: { schemas: [requests] },
});
