import { useQuery } from '@tanstack/react-query';
import type { RolloutAnalysis, RolloutRead } from '@/contract/rollouts';
import { metricsQueryOptions } from '@/data/metrics/get-metrics';
import { formatCount, formatRate } from '@/lib/format';
import { formatMs } from '@/lib/format-latency';
import type { ServiceProps } from '@/lib/route-props';
import { Skeleton } from '@/ui/skeleton';
import { overLimits, stepFigures, windowFor, type StepFigures } from './rollout-figures';
import { stepName } from './rollout-words';

/**
 * The live analysis of an unfinished rollout's step: the canary against the
 * baseline and against each limit, from the request metrics, read again every
 * few seconds while the rollout runs.
 */
export function RolloutLiveAnalysis({
  scope,
  serviceId,
  rollout,
  canary,
  baseline,
}: ServiceProps & { rollout: RolloutRead; canary: number | null; baseline: number | null }) {
  const window = windowFor(rollout.step_started_at);
  const metrics = useQuery({
    ...metricsQueryOptions(scope, serviceId, window),
    refetchInterval: (query) => (query.state.data?.available === false ? false : rollout.status === 'running' ? 5_000 : 15_000),
  });
  const heading = `Live analysis · ${stepName(rollout.step_index)} so far`;
  const analysis = rollout.analysis;

  let body: React.ReactNode;
  if (metrics.data?.available === false)
    body = (
      <p className="muted">
        Request metrics are not available on this platform: the live figures cannot be shown. The platform’s decisions below say what it
        measured.
      </p>
    );
  else if (metrics.isError && !metrics.data)
    body = (
      <p className="form-alert" role="alert">
        The live figures could not be loaded: {metrics.error.message}{' '}
        <button type="button" className="link-button" onClick={() => void metrics.refetch()}>
          Try again
        </button>
      </p>
    );
  else if (!metrics.data) body = <Skeleton height="5.5rem" />;
  else {
    const data = metrics.data.data;
    const c = canary === null ? null : stepFigures(data, canary, rollout.step_started_at);
    const b = baseline === null ? null : stepFigures(data, baseline, rollout.step_started_at);
    body = (
      <>
        {analysis && <Verdict figures={c} analysis={analysis} />}
        <div className="table-scroll">
          <table className="table rollout-analysis-table">
            <caption className="visually-hidden">The canary against the baseline and the limits, this step so far</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">Canary {canary === null ? '' : `v${canary}`}</th>
                <th scope="col">Baseline {baseline === null ? '' : `v${baseline}`}</th>
                <th scope="col">Limit</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Requests</th>
                <td className="num">{formatCount(c?.requests ?? 0)}</td>
                <td className="num">{formatCount(b?.requests ?? 0)}</td>
                <LimitCell limit={analysis && { sign: '≥', words: 'at least', value: formatCount(analysis.min_requests) }} />
              </tr>
              <tr>
                <th scope="row">Errors (5xx)</th>
                <FigureCell
                  text={c && c.requests ? formatRate(c.error_rate) : '—'}
                  over={!!(c && analysis && overLimits(c, analysis).errors)}
                />
                <td className="num">{b && b.requests ? formatRate(b.error_rate) : '—'}</td>
                <LimitCell limit={analysis && { sign: '≤', words: 'at most', value: formatRate(analysis.max_error_rate) }} />
              </tr>
              <tr>
                <th scope="row">p95 latency</th>
                <FigureCell text={formatMs(c?.p95_ms)} over={!!(c && analysis && overLimits(c, analysis).p95)} />
                <td className="num">{formatMs(b?.p95_ms)}</td>
                <LimitCell
                  limit={
                    analysis &&
                    (analysis.max_p95_ms === null ? 'none' : { sign: '≤', words: 'at most', value: formatMs(analysis.max_p95_ms) })
                  }
                />
              </tr>
            </tbody>
          </table>
        </div>
        <p className="field-hint">
          From the request metrics in {data.step_seconds}-second intervals since about when this step began; p95 is the slowest interval’s.
          The platform’s analysis counts every request, and its decisions below say what it measured.
        </p>
      </>
    );
  }
  return (
    <section className="rollout-analysis stack" aria-labelledby={`analysis-${rollout.id}`}>
      <h3 id={`analysis-${rollout.id}`} className="card-heading">
        {heading}
      </h3>
      {body}
    </section>
  );
}

/** A limit, short for the eye ("≤ 5%") and in words for a screen reader ("at most 5%"); a platform that did not send them: not known. */
function LimitCell({ limit }: { limit: { sign: string; words: string; value: string } | 'none' | null }) {
  if (limit === null) return <td className="muted">not known</td>;
  if (limit === 'none') return <td>none</td>;
  return (
    <td>
      <span aria-hidden="true" className="rollout-limit-short">
        {limit.sign} {limit.value}
      </span>
      <span className="visually-hidden">
        {limit.words} {limit.value}
      </span>
    </td>
  );
}

function FigureCell({ text, over }: { text: string; over: boolean }) {
  return (
    <td className={over ? 'num traffic-errors' : 'num'}>
      {text}
      {over && <span className="visually-hidden"> (over the limit)</span>}
    </td>
  );
}

/** The step so far, in one sentence: waiting for requests, within the limits, or over one. */
function Verdict({ figures, analysis }: { figures: StepFigures | null; analysis: RolloutAnalysis }) {
  const f = figures ?? { requests: 0, errors_5xx: 0, error_rate: 0, p95_ms: null };
  const over = overLimits(f, analysis);
  const crossed = [
    over.errors && `${formatRate(f.error_rate)} errors, limit ${formatRate(analysis.max_error_rate)}`,
    over.p95 && `p95 ${formatMs(f.p95_ms)}, limit ${formatMs(analysis.max_p95_ms)}`,
  ].filter(Boolean);
  if (f.requests < analysis.min_requests)
    return (
      <p className="rollout-verdict">
        Waiting for requests: {formatCount(f.requests)} of the {formatCount(analysis.min_requests)} the analysis needs before it decides
        {crossed.length > 0 && ` (so far over a limit: ${crossed.join('; ')})`}.
      </p>
    );
  if (crossed.length)
    return (
      <p className="rollout-verdict rollout-verdict-over">Over a limit: {crossed.join('; ')}. The platform rolls it back within seconds.</p>
    );
  return <p className="rollout-verdict rollout-verdict-ok">Within the limits so far.</p>;
}
