/**
 * Connector operations and DDL (CONTRACT §14). Execute is documented (seed
 * 001); a large write's job and the DDL paths are our extensions (seed 002
 * and 004 name `execute_ddl`, not its path), absent in the documented profile.
 *
 * Every operation on an instance runs in its lane (instance-data.ts), after
 * the instance's due jobs are applied (jobs.ts). Who may: developers and
 * admins execute and preview DDL; only admins confirm it; viewers read the
 * DDL history and jobs, and get 403 for the rest.
 */
import {
  ConnectorJob,
  DdlOutcome,
  DdlListQuery,
  DdlReason,
  DdlRecordPage,
  DdlRequest,
  ExecuteRequest,
  ExecuteResult,
} from '../../src/contract/connector-operations';
import { paths } from '../../src/contract/paths';
import { developers } from '../core/auth';
import { forbidden, issue, notFound, validationError } from '../core/errors';
import { listPage, time, type ListSpec } from '../core/lists';
import { domainApi, get, post, workspacePath } from '../core/operations';
import { reply } from '../core/replies';
import { E401, E403, E404 } from '../core/responses';
import type { Store } from '../core/store';
import { schemaIssues } from '../gateway/json-schema-check';
import { ddlHistory, runDdl } from './ddl';
import type { DdlHistoryRecord } from './records';
import { runOperation } from './execute';
import { inLane } from './instance-data';
import { jobAt, planJob, settleJobs } from './jobs';

const INSTANCE = '/connectors/:connector_id/instances/:instance_id' as const;
const EXECUTE = workspacePath(`${INSTANCE}/operations/:operation_id/execute`, (s) =>
  paths.executeOperation(s, ':connector_id', ':instance_id', ':operation_id'),
);
const JOB = workspacePath(`${INSTANCE}/jobs/:job_id`, (s) => paths.instanceJob(s, ':connector_id', ':instance_id', ':job_id'));
const DDL = workspacePath(`${INSTANCE}/ddl`, (s) => paths.instanceDdl(s, ':connector_id', ':instance_id'));

function jobIn(store: Store, instanceId: string, jobId: string | undefined) {
  const j = jobId === undefined ? undefined : store.connectorJobs.get(jobId);
  if (!j || j.instance_id !== instanceId) throw notFound('Job');
  return j;
}

/** The instance as it is now, in its lane (a request queued behind a delete finds it gone). */
function current(store: Store, instanceId: string) {
  const instance = store.connectorInstances.get(instanceId);
  if (!instance) throw notFound('Connector instance');
  return instance;
}

const READS = { 401: E401, 404: { description: 'No such connector type, instance or job' } };

const ddlList: ListSpec<DdlHistoryRecord> = {
  sort: { executed_at: (d) => time(d.executed_at) },
  text: (d) => [d.sql, d.reason, d.executed_by.email],
};

export const connectorOperationsApi = domainApi(
  ['connector-operations'],
  [
    post(
      EXECUTE,
      'executeConnectorOperation',
      "Execute a connector operation on the instance's data: params checked against the operation's params_schema; a read answers its rows, a write the rows it changed — or, past 100 rows or 256 KB, 202 with a job",
      {
        allow: developers('execute connector operations'),
        body: ExecuteRequest,
        bodyOptional: true,
        idempotent: true,
        responses: {
          200: { description: 'The result: columns, rows, row count, duration', schema: ExecuteResult },
          202: { description: 'A large write, queued as a job; `Location` is where to poll it', schema: ConnectorJob },
          401: E401,
          403: E403,
          404: { description: 'No such connector type, instance or operation' },
          409: { description: 'A constraint or a name in use refused the write, or the instance would outgrow what the mock keeps' },
          422: {
            description:
              'Params that break the schema (at ["body","params",<field>]), SQL that SQLite refuses or that is not what the operation runs, an object that is not there',
          },
        },
        handler: async ({ var: { store, platform, connector, instance, operation, principal, body }, req }) => {
          const params = body.params;
          const issues = operation.params_schema ? await schemaIssues(operation.params_schema, params) : [];
          if (issues.length) throw validationError(issues.map((i) => ({ ...i, loc: ['body', 'params', ...i.loc] })));
          return inLane(store, instance.id, async () => {
            const live = current(store, instance.id);
            const { sqlTimeLimitMs } = platform.settings;
            await settleJobs({ store, connector, instance: live, sqlTimeLimitMs });
            const outcome = await runOperation({ store, connector, instance: live, operation, params, sqlTimeLimitMs });
            if (outcome.kind === 'done') return reply(200, ExecuteResult, outcome.result);
            const t = store.clock.now();
            const job = store.connectorJobs.put(
              planJob({ instance: live, operation, params, runMs: platform.settings.jobRunMs, submittedBy: principal.user.id, at: t }),
            );
            const base = req.path.slice(0, req.path.indexOf('/orgs/'));
            const location = `${base}${paths.instanceJob({ orgId: live.org_id, workspaceId: live.workspace_id }, connector.id, live.id, job.id)}`;
            return reply(202, ConnectorJob, jobAt(job, t), { Location: location, 'X-Large-Write': outcome.why });
          });
        },
      },
    ),
    get(JOB, 'getConnectorJob', "Extension: poll a large write's job (every role)", {
      responses: { 200: { description: 'The job', schema: ConnectorJob }, ...READS },
      handler: async ({ var: { store, platform, connector, instance }, req }) => {
        jobIn(store, instance.id, req.param('job_id'));
        return inLane(store, instance.id, async () => {
          await settleJobs({ store, connector, instance: current(store, instance.id), sqlTimeLimitMs: platform.settings.sqlTimeLimitMs });
          return reply(200, ConnectorJob, jobAt(jobIn(store, instance.id, req.param('job_id')), store.clock.now()));
        });
      },
    }),
    post(
      DDL,
      'executeConnectorDdl',
      'Extension: preview DDL (`confirm: false`, the default: the statements, their effects and whether they destroy data; nothing changes) or run it (`confirm: true` with a `reason`: admins only)',
      {
        allow: developers('preview DDL'),
        body: DdlRequest,
        idempotent: true,
        responses: {
          200: { description: 'The preview, or what ran', schema: DdlOutcome },
          401: E401,
          403: { description: 'A viewer; or a developer confirming (only admins run DDL)' },
          404: E404,
          409: {
            description:
              'Something already exists (the same ADD COLUMN again), a constraint stands in the way, or the data would outgrow the instance',
          },
          422: {
            description:
              'SQL that is not DDL or that SQLite refuses (at ["body","sql"]); a confirm without a reason (at ["body","reason"])',
          },
        },
        handler: async ({ var: { store, platform, connector, instance, principal, body } }) => {
          let reason: string | null = null;
          if (body.confirm) {
            if (principal.user.role !== 'admin') {
              throw forbidden(`Your role (${principal.user.role}) cannot run DDL: only admins confirm it (developers may preview)`);
            }
            const checked = DdlReason.safeParse(body.reason ?? '');
            if (!checked.success) {
              const first = checked.error.issues[0]!;
              throw validationError([issue(['body', 'reason'], first.message, first.code === 'too_small' ? 'missing' : 'value_error')]);
            }
            reason = checked.data;
          }
          return inLane(store, instance.id, async () => {
            const live = current(store, instance.id);
            const { sqlTimeLimitMs } = platform.settings;
            await settleJobs({ store, connector, instance: live, sqlTimeLimitMs });
            const outcome = await runDdl({
              store,
              connector,
              instance: live,
              sql: body.sql,
              confirm: body.confirm,
              reason,
              by: principal.user,
              sqlTimeLimitMs,
            });
            return reply(200, DdlOutcome, outcome);
          });
        },
      },
    ),
    get(
      DDL,
      'listConnectorDdl',
      'Extension: the DDL that ran on the instance — who, when, the SQL, why and what it did — newest first (every role)',
      {
        query: DdlListQuery,
        responses: {
          200: { description: 'A page of history entries', schema: DdlRecordPage },
          ...READS,
          422: { description: 'Validation error' },
        },
        handler: ({ var: { store, instance, query } }) => {
          const page = listPage(ddlHistory(store, instance.id), query, ddlList);
          return reply(200, DdlRecordPage, {
            ...page,
            items: page.items.map(({ workspace_id: _w, ...entry }) => entry),
          });
        },
      },
    ),
  ],
);
