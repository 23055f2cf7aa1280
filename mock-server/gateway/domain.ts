/** The service gateway (CONTRACT §7): a call to a service's endpoint, answered with an example of its response schema. */
import * as invoke from '../../src/contract/invoke';
import { defineDomain } from '../core/domain';
import { gatewayApi, PATH_PARAM } from './routes';

declare module '../core/context' {
  interface Settings {
    /** How long the sync gateway takes to answer a call, ms (default 0; `MOCK_GATEWAY_LATENCY_MS`), to see progress states. */
    gatewayLatencyMs: number;
  }
}

export const gatewayDomain = defineDomain({
  name: 'gateway',
  apis: [gatewayApi],
  settings: { gatewayLatencyMs: 0 },
  openapi: { schemas: [invoke], params: { path: PATH_PARAM } },
});
