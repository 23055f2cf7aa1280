/** Versions, draft endpoints and publishing (CONTRACT §3, seed 000, 001). */
import { paths } from '../../src/contract/paths';
import {
  Endpoint,
  EndpointCreate,
  EndpointListQuery,
  EndpointPage,
  EndpointUpdate,
  PublishRequest,
  ServiceVersion,
  VersionListQuery,
  VersionPage,
} from '../../src/contract/versions';
import { splitWords } from '../../src/contract/traffic-rules';
import * as z from 'zod/mini';
import { currentSplit, record } from '../activity/rules';
import { developers } from '../core/auth';
import type { Platform, Principal } from '../core/context';
import { conflict, notFound } from '../core/errors';
import { listPage, time, type ListSpec } from '../core/lists';
import { del, domainApi, get, post, put } from '../core/operations';
import { servicePath } from '../services/paths';
import { noContent, reply, type Reply } from '../core/replies';
import type { ServiceRecord } from '../services/records';
import type { EndpointRecord, VersionRecord } from './records';
import { assertNoRolloutInProgress, IN_PROGRESS, settleService } from '../rollouts/rules';
import type { Store } from '../core/store';
import { createDraft, createEndpoint, deleteEndpoint, draftOf, methodRank, publish, updateEndpoint } from './rules';

const VERSIONS = servicePath('/versions', paths.versions);
const VERSION = servicePath('/versions/:version_id', (s, id) => paths.version(s, id, ':version_id'));
const PUBLISH_VERSION = servicePath('/versions/:version_id/publish', (s, id) => paths.publishVersion(s, id, ':version_id'));
const PUBLISH_DRAFT = servicePath('/publish', paths.publishDraft);
const ENDPOINTS = servicePath('/endpoints', paths.endpoints);
const ENDPOINT = servicePath('/endpoints/:endpoint_id', (s, id) => paths.endpoint(s, id, ':endpoint_id'));

/** Both publish operations: who may, the body, the key, the answers. */
const publishing = (notDraft: string, noEndpoints: string) => ({
  allow: developers('publish versions'),
  body: PublishRequest,
  bodyOptional: true,
  idempotent: true as const,
  responses: {
    200: { description: 'The published version', schema: ServiceVersion },
    409: { description: `${notDraft}, or a rollout is in progress ("${IN_PROGRESS}": publishing would re-split its traffic)` },
    422: { description: `Validation error, or ${noEndpoints}` },
  },
});
const endpointWrites = developers('change endpoints');

/**
 * How the versions list reads its parameters (core/lists.ts): `search` finds
 * a version by its number and by its endpoints — a draft's as they are now, a
 * published version's as frozen.
 */
const versionList = (store: Store): ListSpec<VersionRecord> => ({
  sort: {
    created_at: (v) => time(v.created_at),
    version: (v) => v.version,
    published_at: (v) => time(v.published_at),
    traffic_percent: (v) => v.traffic_percent,
    status: (v) => v.status,
  },
  tiebreak: (v) => v.version,
  text: (v) => [
    `v${v.version}`,
    `version ${v.version}`,
    ...(v.endpoint_snapshot ?? store.endpointsOf(v.id)).flatMap((e) => [`${e.method} ${e.path}`, e.summary]),
  ],
  status: (v) => v.status,
});

const endpointList: ListSpec<EndpointRecord> = {
  sort: {
    created_at: (e) => time(e.created_at),
    updated_at: (e) => time(e.updated_at),
    path: (e) => e.path,
    method: (e) => methodRank(e.method),
  },
  // By path, then in the methods' usual order (GET, POST, …), as the stubs list them.
  tiebreak: (e) => `${e.path} ${methodRank(e.method)}`,
  text: (e) => [e.path, e.summary, e.description],
};

/** Record a publish and the split it left. */
/** What both publish operations have: the store, the service, who asks and the body. */
type Publishing = { store: Store; platform: Platform; service: ServiceRecord; principal: Principal; body: z.output<typeof PublishRequest> };

/** Publish `draft` — unless a rollout is in progress — and record it in the service's activity with the split it leaves. */
function publishDraftOf({ store, platform, service, principal, body }: Publishing, draft: VersionRecord): Reply {
  assertNoRolloutInProgress(store, service.id, platform.settings.drainMs);
  const v = publish(store, service, draft, body.traffic_percent, store.clock.iso(), platform.settings.drainMs);
  const split = currentSplit(store, service.id);
  record(store, service.id, principal.user, {
    kind: 'version.published',
    summary: `Published version ${v.version} at ${v.traffic_percent}%: ${splitWords(split)}`,
    version: v.version,
    split,
  });
  return reply(200, ServiceVersion, v);
}

export const versionsApi = domainApi(
  ['versions'],
  [
    get(VERSIONS, 'listVersions', "A service's versions, newest first (search: `v3`, or an endpoint's method, path or summary)", {
      query: VersionListQuery,
      responses: { 200: { description: 'A page of versions', schema: VersionPage } },
      handler: ({ var: { store, platform, service, query } }) => {
        // The split as a rollout's decisions due by now left it (rollouts/rules.ts).
        settleService(store, service.id, platform.settings.drainMs);
        return reply(200, VersionPage, listPage(store.versionsOf(service.id), query, versionList(store)));
      },
    }),
    post(VERSIONS, 'createVersion', 'Create a draft version, starting from the active version’s endpoints (one draft at a time)', {
      allow: developers('create versions'),
      idempotent: true,
      responses: {
        201: { description: 'The new draft', schema: ServiceVersion },
        409: { description: 'A draft exists already' },
      },
      handler: ({ var: { store, service, principal }, req }) => {
        const from = store.versionsOf(service.id).find((x) => x.status === 'active');
        const v = createDraft(store, service, store.clock.iso());
        record(store, service.id, principal.user, {
          kind: 'version.created',
          summary: `Created version ${v.version} as a draft${from ? `, from version ${from.version}'s endpoints` : ''}`,
          version: v.version,
        });
        return reply(201, ServiceVersion, v, { Location: `${req.path}/${v.id}` });
      },
    }),
    get(VERSION, 'getVersion', 'Extension: get one version (the seeds document the list only)', {
      responses: { 200: { description: 'The version', schema: ServiceVersion } },
      handler: ({ var: { store, platform, service, version } }) => {
        settleService(store, service.id, platform.settings.drainMs);
        return reply(200, ServiceVersion, store.versionIn(service.id, version.id)!);
      },
    }),
    post(
      PUBLISH_VERSION,
      'publishVersion',
      'Publish a draft version: freeze its endpoints and route `traffic_percent` of the traffic to it (irreversible). The versions serving before share the rest and are `draining`; one left with 0% (all of them at 100%) is archived once drained, at its `drain_ends_at`.',
      {
        ...publishing('The version is not a draft', 'the version has no endpoints'),
        handler: (c) => publishDraftOf(c.var, c.var.version),
      },
    ),
    post(PUBLISH_DRAFT, 'publishDraft', "Publish the service's current draft version", {
      ...publishing('The service has no draft version', 'the draft has no endpoints'),
      handler: (c) => {
        const draft = draftOf(c.var.store, c.var.service.id);
        if (!draft) throw conflict('This service has no draft version. Create a new version first.');
        return publishDraftOf(c.var, draft);
      },
    }),

    get(ENDPOINTS, 'listEndpoints', "A version's endpoints (default: the draft, else the active version), newest first", {
      tags: ['endpoints'],
      query: EndpointListQuery,
      responses: { 200: { description: 'A page of endpoints', schema: EndpointPage } },
      handler: ({ var: { store, service, query } }) => {
        const all = store.versionsOf(service.id);
        let v;
        if (query.version_id !== undefined) {
          v = store.versionIn(service.id, query.version_id);
          if (!v) throw notFound('Version');
        } else {
          v = all.find((x) => x.status === 'draft') ?? all.find((x) => x.status === 'active') ?? all[all.length - 1];
        }
        return reply(200, EndpointPage, listPage(v ? store.endpointsOf(v.id) : [], query, endpointList));
      },
    }),
    post(ENDPOINTS, 'createEndpoint', 'Add an endpoint to the draft version', {
      tags: ['endpoints'],
      allow: endpointWrites,
      body: EndpointCreate,
      idempotent: true,
      responses: {
        201: { description: 'Created', schema: Endpoint },
        409: { description: 'No draft version, or the method and path exist in it' },
      },
      handler: ({ var: { store, service, body }, req }) => {
        const rec = createEndpoint(store, service, body, store.clock.iso());
        return reply(201, Endpoint, rec, { Location: `${req.path}/${rec.id}` });
      },
    }),
    put(ENDPOINT, 'updateEndpoint', 'Change an endpoint of the draft version (partial)', {
      tags: ['endpoints'],
      allow: endpointWrites,
      body: EndpointUpdate,
      responses: {
        200: { description: 'The updated endpoint', schema: Endpoint },
        409: { description: 'The endpoint belongs to a published version, or the method and path exist' },
      },
      handler: ({ var: { store, service, endpoint, body } }) =>
        reply(200, Endpoint, updateEndpoint(store, service, endpoint, body, store.clock.iso())),
    }),
    del(ENDPOINT, 'deleteEndpoint', 'Remove an endpoint from the draft version', {
      tags: ['endpoints'],
      allow: endpointWrites,
      responses: { 204: { description: 'Deleted' }, 409: { description: 'The endpoint belongs to a published version' } },
      handler: ({ var: { store, service, endpoint } }) => {
        deleteEndpoint(store, service, endpoint, store.clock.iso());
        return noContent();
      },
    }),
  ],
);
