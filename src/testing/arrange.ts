/** A test's starting point, arranged through the platform API as the platform guide does it. */
import type * as z from 'zod/mini';
import { pageOrArray } from '@/contract/common';
import { paths } from '@/contract/paths';
import { HostedService } from '@/contract/services';
import { Endpoint, readServiceVersion, ServiceVersion, type EndpointCreateInput } from '@/contract/versions';
import type { RequestRecord } from '@/contract/requests';
import { Rollout, type RolloutCreate } from '@/contract/rollouts';
import { callPlatform, platform, RINGS, SCOPE } from './mock-platform';
import { requestRecord } from './request-records';

export const createService = (name: string, slug: string) =>
  callPlatform('developer', 'POST', paths.services(SCOPE), { name, slug, ring_id: RINGS.dev }, HostedService);

/** A list's rows as a developer reads them (a page or a bare array), each checked strictly with `item`. */
export const listOf = async <T extends z.core.$ZodType>(path: string, item: T) =>
  (await callPlatform('developer', 'GET', path, undefined, pageOrArray(item))).items;

/** Checked strictly (the mock's answer), then as the console reads it, so that components take them as they come. */
export const versionsOf = async (serviceId: string) =>
  (await listOf(paths.versions(SCOPE, serviceId), ServiceVersion))
    .map((v) => readServiceVersion.parse(v))
    .sort((a, b) => b.version - a.version);

export const endpointsOf = (serviceId: string, versionId: string) =>
  listOf(`${paths.endpoints(SCOPE, serviceId)}?version_id=${versionId}`, Endpoint);

export const addEndpoint = (serviceId: string, input: EndpointCreateInput) =>
  callPlatform('developer', 'POST', paths.endpoints(SCOPE, serviceId), input, Endpoint);

export const publish = (serviceId: string, versionId: string, traffic_percent: number) =>
  callPlatform('developer', 'POST', paths.publishVersion(SCOPE, serviceId, versionId), { traffic_percent }, ServiceVersion);

export const newDraft = (serviceId: string) =>
  callPlatform('developer', 'POST', paths.versions(SCOPE, serviceId), undefined, ServiceVersion);

/** Start a rollout of a serving version (CONTRACT §13); by default 10% for 5 minutes then 100%, at most 5% errors over at least 20 requests. */
export const startRollout = (serviceId: string, versionId: string, over: Partial<Omit<RolloutCreate, 'version_id'>> = {}) =>
  callPlatform(
    'developer',
    'POST',
    paths.rollouts(SCOPE, serviceId),
    {
      version_id: versionId,
      steps: [
        { percent: 10, pause_seconds: 300 },
        { percent: 100, pause_seconds: 0 },
      ],
      analysis: { max_error_rate: 0.05, max_p95_ms: null, min_requests: 20 },
      ...over,
    },
    Rollout,
  );

const HEALTH: EndpointCreateInput = { method: 'GET', path: '/health', summary: 'Health' };

/** A canary: v1 published at 100%, then v2 (the same endpoints) at `percent`, so both serve. */
export async function canaryService(name: string, slug: string, percent: number, endpoints: readonly EndpointCreateInput[] = [HEALTH]) {
  const service = await createService(name, slug);
  for (const endpoint of endpoints) await addEndpoint(service.id, endpoint);
  const [v1] = await versionsOf(service.id);
  await publish(service.id, v1!.id, 100);
  await publish(service.id, (await newDraft(service.id)).id, percent);
  return service;
}

let calls = 0;

/**
 * Calls the gateway answered, recorded as the gateway records them (its
 * request log, live streams and metrics follow), at the platform clock's now.
 * The gateway itself cannot run here: its schema checks need worker threads,
 * which jsdom does not start (the e2e stories call it for real).
 */
export function recordCalls(serviceId: string, ...records: Partial<Omit<RequestRecord, 'time' | 'service_id'>>[]): string[] {
  return records.map((r) => {
    const call = requestRecord({ id: `req_test_${++calls}`, ...r });
    platform.store.requestLog.record({ ...call, service_id: serviceId, workspace_id: SCOPE.workspaceId, templated: true });
    return call.id;
  });
}
