/**
 * Request metrics (CONTRACT §12, our extension): the request log's records
 * aggregated as they are written into per-bucket counts and latency sketches
 * (buckets.ts, sketch.ts), read per service (`…/metrics`) and per workspace
 * (`…/service-metrics`, for list pages) without reading a record.
 */
import * as metrics from '../../src/contract/metrics';
import { defineDomain } from '../core/domain';
import { BUCKET_TABLE_DDL, BUCKETS_TABLE, MetricsBuckets } from './buckets';
import { metricsApi } from './routes';

declare module '../core/store' {
  interface StoreQueries {
    /** The request log's aggregates (buckets.ts). */
    requestMetrics: MetricsBuckets;
  }
}

export const metricsDomain = defineDomain({
  name: 'metrics',
  apis: [metricsApi],
  tables: { names: [BUCKETS_TABLE], ddl: BUCKET_TABLE_DDL },
  queries: (store) => {
    const buckets = new MetricsBuckets(store.sql, () => store.clock.now());
    // Each batch of records is aggregated in the transaction that writes it.
    store.requestLog.listen(buckets);
    return { requestMetrics: buckets };
  },
  openapi: { schemas: [metrics] },
});
