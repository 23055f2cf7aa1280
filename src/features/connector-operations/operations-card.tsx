import { useState } from 'react';
import type { ConnectorOperationRead } from '@/contract/connector-operations';
import type { ConnectorTypeRead } from '@/contract/connectors';
import type { Scope } from '@/contract/paths';
import { ApiError } from '@/lib/api-error';
import { formatRelative } from '@/lib/format';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { Field } from '@/ui/field';
import { JobProgress } from './job-progress';
import { OperationForm, type RunRecord } from './operation-form';
import { recentRuns, rememberRun, type RecentRun } from './recent-runs';
import { formatDuration, ResultTable, resultSentence } from './result-table';

const nameOf = (o: ConnectorOperationRead) => o.name ?? o.id;

/** The last run's answer, on the page (not kept: the rows are the instance's data). */
type Shown = { operation: ConnectorOperationRead; run: RunRecord };

/**
 * Run an instance's operations (CONTRACT §14): pick one, fill the form its
 * params' schema makes, run it, read the rows — or follow a large write's
 * job. The last few runs stay for the session (recent-runs.ts); Run again
 * puts a run's params back in the form.
 */
export function OperationsCard({
  scope,
  type,
  instanceId,
  operationId,
  onOperationChange,
  readOnly,
}: {
  scope: Scope;
  type: ConnectorTypeRead;
  instanceId: string;
  operationId: string | undefined;
  onOperationChange: (operationId: string) => void;
  /** The role of a reader who may not run operations, else null. */
  readOnly: string | null;
}) {
  const operations = type.operations ?? [];
  const operation = operations.find((o) => o.id === operationId) ?? operations[0];
  const [shown, setShown] = useState<Shown | null>(null);
  const [runs, setRuns] = useState(() => recentRuns(instanceId));
  // Run again: the form starts over from the run's params (its key makes it a new form).
  const [start, setStart] = useState<{ params: Record<string, unknown> | null; n: number }>({ params: null, n: 0 });

  if (!operation) {
    return (
      <Card id="operations-title" heading="Operations">
        <p className="muted">The platform lists no operations for {type.name} instances.</p>
      </Card>
    );
  }

  const remember = (o: ConnectorOperationRead, run: RunRecord) => {
    setShown({ operation: o, run });
    const base = { operation_id: o.id, operation_name: nameOf(o), params: run.params };
    setRuns(
      rememberRun(
        instanceId,
        'error' in run
          ? {
              ...base,
              outcome: 'failed',
              summary:
                run.error instanceof ApiError && run.error.issues.length
                  ? run.error.issues.map((i) => i.msg).join('; ')
                  : run.error instanceof Error
                    ? run.error.message
                    : 'The operation failed',
              row_count: null,
              duration_ms: null,
            }
          : run.answer.kind === 'job'
            ? { ...base, outcome: 'job', summary: `Queued as job ${run.answer.job.id}`, row_count: null, duration_ms: null }
            : {
                ...base,
                outcome: 'succeeded',
                summary: run.answer.result.summary ?? `${run.answer.result.row_count} rows`,
                row_count: run.answer.result.row_count,
                duration_ms: run.answer.result.duration_ms,
              },
      ),
    );
  };

  const runAgain = (run: RecentRun) => {
    onOperationChange(run.operation_id);
    setStart((s) => ({ params: run.params, n: s.n + 1 }));
  };

  return (
    <Card
      id="operations-title"
      heading="Operations"
      subtitle="Reads answer rows; writes change the instance’s data. A write of more than 100 rows or 256 KB runs as a job."
    >
      <div className="operation-picker">
        <Field label="Operation" hint={operation.description ?? undefined}>
          <select
            className="select"
            value={operation.id}
            onChange={(e) => {
              setStart((s) => ({ params: null, n: s.n + 1 }));
              onOperationChange(e.target.value);
            }}
          >
            {operations.map((o) => (
              <option key={o.id} value={o.id}>
                {nameOf(o)}
                {o.kind ? ` (${o.kind})` : ''}
              </option>
            ))}
          </select>
        </Field>
      </div>

      {readOnly ? (
        <p className="notice" role="note">
          Your role ({readOnly}) cannot run operations: developers and admins do.
        </p>
      ) : (
        <OperationForm
          key={`${operation.id}-${start.n}`}
          scope={scope}
          connectorId={type.id}
          instanceId={instanceId}
          operation={operation}
          initialParams={start.params}
          onRun={(run) => remember(operation, run)}
        />
      )}

      {!readOnly && (
        // Not a live region itself: a screen reader would read every row out. The status below says what came back in one sentence.
        <section className="operation-outcome" aria-labelledby="outcome-title">
          <h3 id="outcome-title" className="card-heading">
            Result
          </h3>

          {!shown ? (
            <p className="muted">Run an operation to see what it answers.</p>
          ) : 'error' in shown.run ? (
            <p className="muted">
              {nameOf(shown.operation)} did not run
              {shown.run.error instanceof ApiError && shown.run.error.status ? ` (${shown.run.error.status})` : ''}: the form says why.
            </p>
          ) : shown.run.answer.kind === 'job' ? (
            <JobProgress
              key={shown.run.answer.job.id}
              scope={scope}
              connectorId={type.id}
              instanceId={instanceId}
              jobId={shown.run.answer.job.id}
              why={null}
              operationName={nameOf(shown.operation)}
            />
          ) : (
            <ResultTable result={shown.run.answer.result} operationName={nameOf(shown.operation)} kind={shown.operation.kind} />
          )}
        </section>
      )}

      {/* Beside the Result section, not in it: a job's progress has its own status there. */}
      {!readOnly && (
        <p className="visually-hidden" role="status">
          {shown && outcomeSentence(shown)}
        </p>
      )}
      <RecentRuns runs={runs} onRunAgain={readOnly ? null : runAgain} />
    </Card>
  );
}

/** What a run answered, in one sentence; a job says so itself (JobProgress). */
function outcomeSentence({ operation, run }: Shown): string {
  if ('error' in run) return `${nameOf(operation)} did not run: the form says why.`;
  if (run.answer.kind === 'job') return '';
  return resultSentence(run.answer.result, nameOf(operation), operation.kind);
}

function RecentRuns({ runs, onRunAgain }: { runs: RecentRun[]; onRunAgain: ((run: RecentRun) => void) | null }) {
  if (runs.length === 0) return null;
  return (
    <section className="recent-runs" aria-labelledby="recent-runs-title">
      <h3 id="recent-runs-title" className="card-heading">
        Recent runs in this session
      </h3>
      <p className="muted small">Kept in this tab only, without their rows.</p>
      <ol className="recent-run-list">
        {runs.map((run) => (
          <li key={run.id} className="recent-run spread">
            <div>
              <span className="mono">{run.operation_id}</span>{' '}
              <Badge tone={run.outcome === 'failed' ? 'danger' : run.outcome === 'job' ? 'info' : 'success'}>
                {run.outcome === 'job' ? 'job' : run.outcome}
              </Badge>
              <p className="recent-run-summary">
                {run.summary}
                {run.duration_ms !== null && <span className="muted"> · {formatDuration(run.duration_ms)}</span>}
              </p>
              <p className="muted small">
                <time dateTime={run.at} title={run.at}>
                  {formatRelative(run.at)}
                </time>
                {run.params === null && ' · params too large to keep'}
              </p>
            </div>
            {/* An operation without params (List tables) has nothing to put back. */}
            {onRunAgain && run.params !== null && Object.keys(run.params).length > 0 && (
              <Button
                size="sm"
                onClick={() => onRunAgain(run)}
                aria-label={`Use the params of ${run.operation_id} ${formatRelative(run.at)} again`}
              >
                Use again
              </Button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
