/**
 * Progressive rollouts (CONTRACT §13, our extension): start one, list them, read
 * one, and a person's decisions — pause, resume, promote, abort. Every handler
 * settles the rollout first (rules.ts), so what it reads or refuses is what
 * the clock and the request records say now.
 */
import { paths } from '../../src/contract/paths';
import {
  Rollout,
  RolloutAbort,
  RolloutCreate,
  RolloutListQuery,
  RolloutPage,
  ServiceRollouts,
  ServiceRolloutsQuery,
} from '../../src/contract/rollouts';
import { developers } from '../core/auth';
import { listPage, time, type ListSpec } from '../core/lists';
import { listPageRead } from '../core/list-page-reads';
import { domainApi, get, post, workspacePath } from '../core/operations';
import { reply } from '../core/replies';
import { servicePath } from '../services/paths';
import { abortRollout, IN_PROGRESS, pauseRollout, promoteRollout, resumeRollout, settleService, startRollout } from './rules';

/** Newest first by default; search looks in who started it and the reasons its events give. */
const rolloutList: ListSpec<Rollout> = {
  sort: { created_at: (r) => time(r.created_at), finished_at: (r) => time(r.finished_at) },
  text: (r) => [r.created_by, ...r.events.map((e) => e.reason)],
  status: (r) => r.status,
};

const ROLLOUTS = servicePath('/rollouts', paths.rollouts);
const ROLLOUT = servicePath('/rollouts/:rollout_id', (s, id) => paths.rollout(s, id, ':rollout_id'));
const PAUSE = servicePath('/rollouts/:rollout_id/pause', (s, id) => paths.rolloutAction(s, id, ':rollout_id', 'pause'));
const RESUME = servicePath('/rollouts/:rollout_id/resume', (s, id) => paths.rolloutAction(s, id, ':rollout_id', 'resume'));
const PROMOTE = servicePath('/rollouts/:rollout_id/promote', (s, id) => paths.rolloutAction(s, id, ':rollout_id', 'promote'));
const ABORT = servicePath('/rollouts/:rollout_id/abort', (s, id) => paths.rolloutAction(s, id, ':rollout_id', 'abort'));

const SERVICE_ROLLOUTS = workspacePath('/service-rollouts', paths.serviceRollouts);

const ROLLOUT_200 = { description: 'The rollout, as it stands after the action', schema: Rollout };
const FINISHED_409 = { description: 'The rollout has finished (succeeded or aborted), or is already in the state asked for' };

export const rolloutsApi = domainApi(
  ['rollouts'],
  [
    post(
      ROLLOUTS,
      'startRollout',
      'Extension: start a progressive rollout of a serving version: its traffic moves in steps, and the analysis checks its error rate and p95 over each step, advancing, pausing (too few requests) or aborting (a limit crossed, as soon as `min_requests` is reached) by itself. The baseline is the other serving version with the most traffic.',
      {
        allow: developers('start rollouts'),
        body: RolloutCreate,
        idempotent: true,
        responses: {
          201: { description: 'The rollout, started: the split is at its first step', schema: Rollout },
          409: { description: `The service has an unfinished rollout: "${IN_PROGRESS}"` },
          422: {
            description: 'Validation error (each on its field), or a version that does not serve, or no other version serving beside it',
          },
        },
        handler: ({ var: { store, platform, service, body, principal }, req }) => {
          const r = startRollout(store, service, body, principal.user, platform.settings.drainMs);
          return reply(201, Rollout, r, { Location: `${req.path}/${r.id}` });
        },
      },
    ),
    get(ROLLOUTS, 'listRollouts', "Extension: a service's rollouts, newest first (an unfinished one is always the newest)", {
      query: RolloutListQuery,
      responses: { 200: { description: 'A page of rollouts', schema: RolloutPage } },
      handler: ({ var: { store, platform, service, query } }) => {
        settleService(store, service.id, platform.settings.drainMs);
        return reply(200, RolloutPage, listPage(store.rollouts.in('service', service.id), query, rolloutList));
      },
    }),
    listPageRead(
      SERVICE_ROLLOUTS,
      'listServiceRollouts',
      "Extension: each service's newest rollout (an unfinished one is always the newest), for the services of the workspace that have had one",
      {
        query: ServiceRolloutsQuery,
        answers: "Each service's newest rollout",
        schema: ServiceRollouts,
        answer: ({ var: { store, platform, workspace } }, asked) => {
          const items = store.services
            .in('workspace', workspace.id)
            .filter((s) => asked === undefined || asked.has(s.id))
            .flatMap((s) => {
              // Settled first, as every read of a rollout is: what the list shows is what the clock and the records say now.
              settleService(store, s.id, platform.settings.drainMs);
              const newest = store.rollouts.in('service', s.id).at(-1);
              return newest ? [{ service_id: s.id, rollout: newest }] : [];
            });
          return { items };
        },
      },
    ),
    get(ROLLOUT, 'getRollout', 'Extension: one rollout, with its events', {
      responses: { 200: { description: 'The rollout', schema: Rollout } },
      handler: ({ var: { store, platform, service, rollout } }) => {
        settleService(store, service.id, platform.settings.drainMs);
        return reply(200, Rollout, store.rollouts.get(rollout.id)!);
      },
    }),
    post(
      PAUSE,
      'pauseRollout',
      'Extension: pause a running rollout: no step ends until it is resumed (the analysis still aborts on a limit crossed)',
      {
        allow: developers('pause rollouts'),
        responses: { 200: ROLLOUT_200, 409: FINISHED_409 },
        handler: ({ var: { store, platform, rollout, principal } }) =>
          reply(200, Rollout, pauseRollout(store, rollout, principal.user, platform.settings.drainMs)),
      },
    ),
    post(RESUME, 'resumeRollout', "Extension: resume a paused rollout: the current step's pause starts again", {
      allow: developers('resume rollouts'),
      responses: { 200: ROLLOUT_200, 409: FINISHED_409 },
      handler: ({ var: { store, platform, rollout, principal } }) =>
        reply(200, Rollout, resumeRollout(store, rollout, principal.user, platform.settings.drainMs)),
    }),
    post(PROMOTE, 'promoteRollout', 'Extension: promote the canary straight to 100%: the rollout succeeds and the baseline drains', {
      allow: developers('promote rollouts'),
      responses: { 200: ROLLOUT_200, 409: FINISHED_409 },
      handler: ({ var: { store, platform, rollout, principal } }) =>
        reply(200, Rollout, promoteRollout(store, rollout, principal.user, platform.settings.drainMs)),
    }),
    post(
      ABORT,
      'abortRollout',
      'Extension: abort a rollout: the canary goes to 0 (archived) and the baseline back to 100%. `reason` is optional.',
      {
        allow: developers('abort rollouts'),
        body: RolloutAbort,
        bodyOptional: true,
        responses: { 200: ROLLOUT_200, 409: FINISHED_409 },
        handler: ({ var: { store, platform, rollout, principal, body } }) =>
          reply(200, Rollout, abortRollout(store, rollout, principal.user, body.reason?.trim() || null, platform.settings.drainMs)),
      },
    ),
  ],
);
