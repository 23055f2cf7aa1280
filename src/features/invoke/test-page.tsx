import './invoke.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Scope } from '@/contract/paths';
import type { ServiceVersionRead } from '@/contract/versions';
import { useWhoami } from '@/data/auth/get-whoami';
import { callGateway, useGatewayCall, type Credential, type GatewayAnswer } from '@/data/invoke/call-gateway';
import { gatewayPath, platformApiBase, type VersionChoice } from '@/data/invoke/gateway-url';
import { invokeKeys } from '@/data/invoke/keys';
import { submitJob, type JobSubmitted } from '@/data/invoke/submit-job';
import { servingVersions, trafficText } from '@/contract/versions-rules';
import { useVersions } from '@/data/versions/get-versions';
import { useIdempotencyKey } from '@/lib/idempotency';
import { readJson } from '@/lib/json-text';
import { roleReason } from '@/lib/permissions';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { JsonField } from '@/ui/json-field';
import { EmptyState } from '@/ui/states';
import { CodePanel } from './code-panel';
import type { SnippetCall } from './code-snippets';
import { JobCard } from './job-card';
import { JobsPanel } from './jobs-panel';
import { forgetJobs, recentJobIds, rememberJob } from './recent-jobs';
import {
  checkedInput,
  coerceParam,
  endpointChoices,
  endpointDef,
  exampleBody,
  exampleParams,
  fillPath,
  pathFields,
  queryFields,
  queryOf,
  queryString,
  runsAsJob,
  takesBody,
  type EndpointDef,
  type ParamField,
} from './request-model';
import { RefusalText, ResponseView, WaitingForAnswer } from './response-panel';
import { deleteSavedRequest, saveRequest, savedRequests, type SavedRequest } from './saved-requests';
import { SavedRequestsList } from './saved-requests-list';
import { checkAgainstSchema, locText, type SchemaIssue } from '@/lib/schema-check';
import { Card } from '@/ui/card';
import { Field } from '@/ui/field';
import { Notice } from '@/ui/notice';

/** The endpoint and version chosen, from the URL: a link opens the same form. */
export type TestSearch = { endpoint?: string; version?: 'split' | number };

/** The Test tab: call the service's serving versions through the gateway, as a client would, or run a call as a job. */
export function TestPage({ scope, serviceId, search = {}, onSearchChange = () => {} }: ServiceProps & Partial<SearchProps<TestSearch>>) {
  const versions = useVersions(scope, serviceId);
  const serving = servingVersions(versions);
  if (serving.length === 0) {
    return (
      <EmptyState title="Nothing to call yet">
        <p>Publish a version first: the gateway calls a service’s published versions.</p>
      </EmptyState>
    );
  }
  if (endpointChoices(serving).length === 0) {
    return (
      <EmptyState title="No endpoints to call">
        <p>The serving versions have no endpoints. Add endpoints to a draft version and publish it.</p>
      </EmptyState>
    );
  }
  return <Workbench scope={scope} serviceId={serviceId} serving={serving} search={search} onSearchChange={onSearchChange} />;
}

type Draft = { body: string; pathParams: Record<string, string>; queryParams: Record<string, string> };

const freshDraft = (def: EndpointDef | null): Draft =>
  def
    ? { body: exampleBody(def), pathParams: exampleParams(def, pathFields(def)), queryParams: exampleParams(def, queryFields(def)) }
    : { body: '{}', pathParams: {}, queryParams: {} };

type Outcome = { kind: 'sync'; answer: GatewayAnswer } | { kind: 'job'; submitted: JobSubmitted };

/** The answer's status line as a sentence: what a screen reader hears when it arrives. */
const answerWords = (a: GatewayAnswer) =>
  `Response: ${`${a.status} ${a.statusText}`.trim()} in ${a.durationMs} ms${a.servingVersion ? `, served by v${a.servingVersion}` : ''}.`;

const issueText = (issues: SchemaIssue[], root: string) =>
  issues
    .slice(0, 5)
    .map((i) => `${locText(i.loc, root)}: ${i.message}`)
    .join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');

function Workbench({
  scope,
  serviceId,
  serving,
  search,
  onSearchChange,
}: { scope: Scope; serviceId: string; serving: ServiceVersionRead[] } & SearchProps<TestSearch>) {
  const me = useWhoami();
  const queryClient = useQueryClient();
  const choices = useMemo(() => endpointChoices(serving), [serving]);
  const choice = choices.find((c) => c.key === search.endpoint) ?? choices[0]!;
  // A share the platform did not give may be more than 0: the split is offered then too.
  const hasSplit = serving.some((v) => v.traffic_percent !== 0);
  const version: VersionChoice =
    typeof search.version === 'number'
      ? { kind: 'pinned', version: search.version }
      : hasSplit
        ? { kind: 'split' }
        : { kind: 'pinned', version: serving[0]!.version };
  const setVersion = (next: VersionChoice) => onSearchChange({ version: next.kind === 'split' ? 'split' : next.version });
  const effectiveVersion: VersionChoice =
    version.kind === 'pinned' && !choice.versions.includes(version.version) ? { kind: 'split' } : version;
  const def = endpointDef(serving, choice.key, effectiveVersion);
  const [draft, setDraft] = useState<Draft>(() => freshDraft(def));
  const [credentialKind, setCredentialKind] = useState<Credential['kind']>('session');
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState(() => savedRequests(serviceId, choice.key));
  const [jobIds, setJobIds] = useState(() => recentJobIds(serviceId));
  const [openJobId, setOpenJobId] = useState<string | null>(null);
  // The request id of each job submitted from this page, to link the job to its submit record (for this visit only).
  const [submitIds, setSubmitIds] = useState<ReadonlyMap<string, string>>(new Map());
  const call = useGatewayCall<Outcome>();
  const idempotency = useIdempotencyKey();

  const pFields = def ? pathFields(def) : [];
  const qFields = def ? queryFields(def) : [];
  const withBody = def ? takesBody(def.method) : false;
  const bodyRead = withBody ? readJson(draft.body) : null;
  const query = queryOf(qFields, draft.queryParams);
  const path = def ? fillPath(def.path, draft.pathParams) : '/';
  const issues =
    def && (!bodyRead || bodyRead.ok)
      ? checkAgainstSchema(def.request_schema, checkedInput(def, bodyRead?.ok ? bodyRead.value : undefined, draft.pathParams, query))
      : [];

  const bodyValue = bodyRead?.ok ? bodyRead.value : undefined;
  const bodyHas = (k: string) => typeof bodyValue === 'object' && bodyValue !== null && Object.hasOwn(bodyValue, k);
  /** Where an issue shows: at its parameter's field, else at the body (or, without a body, under the parameters). */
  const placeOf = (i: SchemaIssue): string => {
    const k = i.loc[0];
    if (typeof k === 'string' && pFields.some((f) => f.name === k) && !bodyHas(k)) return `pathParams:${k}`;
    if (typeof k === 'string' && !withBody && qFields.some((f) => f.name === k)) return `queryParams:${k}`;
    return 'rest';
  };
  const issuesAt = (place: string) => issues.filter((i) => placeOf(i) === place);
  const restIssues = issuesAt('rest');
  const bodyError =
    bodyRead && !bodyRead.ok
      ? `Line ${bodyRead.error.line}, column ${bodyRead.error.column}: ${bodyRead.error.reason}`
      : withBody && restIssues.length
        ? `Does not match the request schema: ${issueText(restIssues, 'body')}`
        : undefined;

  const missingPath = pFields.filter((f) => (draft.pathParams[f.name] ?? '') === '').map((f) => f.name);
  const blocker = !def
    ? 'This endpoint is not in the chosen version.'
    : bodyRead && !bodyRead.ok
      ? 'The body is not JSON yet.'
      : missingPath.length
        ? `Fill in ${missingPath.join(', ')}: the path needs ${missingPath.length === 1 ? 'it' : 'them'}.`
        : credentialKind === 'token' && token.trim() === ''
          ? 'Paste a service token, or call with your session.'
          : null;
  const viewerReason =
    def && credentialKind === 'session' && me.role === 'viewer' && def.method !== 'GET'
      ? `Your role (viewer) may call GET endpoints only through the gateway. To call ${def.method} ${def.path}, use a service token of this service.`
      : null;
  const jobReason = def && !runsAsJob(def.method) ? 'Only POST endpoints run as jobs.' : null;
  const cancelReason = roleReason(me.role, 'service:write');

  const snippetCall: SnippetCall | null =
    def && (!bodyRead || bodyRead.ok)
      ? {
          apiBase: platformApiBase(),
          orgId: scope.orgId,
          serviceId,
          method: def.method,
          template: def.path,
          pathParams: draft.pathParams,
          path,
          query: query.map(([k, v]) => [k, coerceParam((def.request_schema.properties as Record<string, unknown> | undefined)?.[k], v)]),
          body: bodyRead?.ok ? bodyRead.value : undefined,
          version: effectiveVersion,
        }
      : null;
  const stubVersion =
    effectiveVersion.kind === 'pinned'
      ? effectiveVersion.version
      : (serving.find((v) => choice.versions.includes(v.version))?.version ?? serving[0]!.version);

  const chooseEndpoint = (key: string) => {
    const next = choices.find((c) => c.key === key)!;
    const nextVersion: VersionChoice = version.kind === 'pinned' && !next.versions.includes(version.version) ? { kind: 'split' } : version;
    onSearchChange({ endpoint: key, version: nextVersion.kind === 'split' ? 'split' : nextVersion.version });
    setDraft(freshDraft(endpointDef(serving, key, nextVersion)));
    setSaved(savedRequests(serviceId, key));
  };

  /** The credential for this one call; a pasted token leaves the form as the call starts. */
  const takeCredential = (): Credential => {
    if (credentialKind === 'session') return { kind: 'session' };
    const pasted = token;
    setToken('');
    return { kind: 'token', token: pasted };
  };

  const send = () => {
    if (!def || blocker) return;
    const credential = takeCredential();
    const request = {
      method: def.method,
      url: gatewayPath(scope.orgId, serviceId, path, effectiveVersion) + queryString(query),
      body: withBody && bodyRead?.ok ? bodyRead.value : undefined,
    };
    void call.start(async (signal) => ({ kind: 'sync', answer: await callGateway(request, credential, signal) }));
  };

  const runAsJob = () => {
    if (!def || blocker || jobReason) return;
    const credential = takeCredential();
    const body = bodyRead?.ok ? bodyRead.value : {};
    const idempotencyKey = idempotency.keyFor({ path, body, version: effectiveVersion });
    void call.start(async (signal) => {
      const submitted = await submitJob(
        { orgId: scope.orgId, serviceId, path, body, version: effectiveVersion, idempotencyKey },
        credential,
        signal,
      );
      if (submitted.job) {
        idempotency.reset();
        queryClient.setQueryData(invokeKeys.job(scope, serviceId, submitted.job.id), submitted.job);
        setJobIds(rememberJob(serviceId, submitted.job.id));
        const { id } = submitted.job;
        const requestId = submitted.answer.requestId;
        if (requestId) setSubmitIds((ids) => new Map(ids).set(id, requestId));
        setOpenJobId(id);
      }
      return { kind: 'job', submitted };
    });
  };

  const useSaved = (r: SavedRequest) => setDraft({ body: r.body, pathParams: { ...r.pathParams }, queryParams: { ...r.queryParams } });

  const fieldFor = (f: ParamField, where: 'pathParams' | 'queryParams') => {
    const fieldIssues = issuesAt(`${where}:${f.name}`);
    const error = fieldIssues.length ? fieldIssues.map((i) => i.message).join('; ') : undefined;
    const id = `invoke-${where}-${f.name}`;
    const hint = [f.type, f.description].filter(Boolean).join(' · ');
    return (
      <div key={f.name} className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id} className="field-label mono">
          {f.name}
          {f.required && (
            <span className="field-required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        <input
          id={id}
          className="input mono"
          value={draft[where][f.name] ?? ''}
          onChange={(e) => setDraft((d) => ({ ...d, [where]: { ...d[where], [f.name]: e.target.value } }))}
          aria-invalid={error ? true : undefined}
          aria-required={f.required || undefined}
          aria-describedby={[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined}
          autoComplete="off"
          spellCheck={false}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    );
  };

  const outcome = call.state.status === 'done' ? call.state.result : null;
  const queryOnlyIssues = withBody ? [] : restIssues;
  const answered = call.state.status === 'done' || call.state.status === 'error' ? call.state : null;
  // On a phone the answer lands below the form (and the saved requests): bring it into view once it is there, as far as
  // needed only, so a desktop's side-by-side answer does not move the page. Focus stays on Send, for the next call.
  useEffect(() => {
    if (answered) document.getElementById('invoke-response-title')?.closest('section')?.scrollIntoView({ block: 'nearest' });
  }, [answered]);
  // Said once the answer is in: the status line, not the whole body (a refusal or error is an alert of its own).
  const said = outcome?.kind === 'sync' && outcome.answer.ok ? answerWords(outcome.answer) : '';

  return (
    <div className="stack invoke-page">
      <div className="invoke-layout">
        <Card
          id="invoke-request-title"
          className="invoke-request"
          heading="Request"
          subtitle="Calls the gateway as a client would: the same URL, checks and answer."
        >
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <div className="grid-2">
              <Field label="Endpoint" hint={def?.summary}>
                <select className="select mono" value={choice.key} onChange={(e) => chooseEndpoint(e.target.value)}>
                  {choices.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.key}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                label="Version"
                hint={
                  effectiveVersion.kind === 'split'
                    ? `The split picks: ${serving
                        .filter((v) => v.traffic_percent !== 0)
                        .map((v) => `v${v.version} ${trafficText(v.traffic_percent)}`)
                        .join(', ')}.`
                    : `Pinned: the URL names v${effectiveVersion.version}.`
                }
              >
                <select
                  className="select"
                  value={effectiveVersion.kind === 'split' ? 'split' : String(effectiveVersion.version)}
                  onChange={(e) =>
                    setVersion(e.target.value === 'split' ? { kind: 'split' } : { kind: 'pinned', version: Number(e.target.value) })
                  }
                >
                  {hasSplit && <option value="split">By traffic split</option>}
                  {serving
                    .filter((v) => choice.versions.includes(v.version))
                    .map((v) => (
                      <option key={v.id} value={v.version}>
                        {`v${v.version} only (${v.status}, ${trafficText(v.traffic_percent)})`}
                      </option>
                    ))}
                </select>
              </Field>
            </div>

            {pFields.length > 0 && (
              <fieldset className="fieldset-plain fieldset-close invoke-params">
                <legend className="field-label">Path parameters</legend>
                <div className="grid-2">{pFields.map((f) => fieldFor(f, 'pathParams'))}</div>
              </fieldset>
            )}
            {qFields.length > 0 && (
              <fieldset className="fieldset-plain fieldset-close invoke-params">
                <legend className="field-label">Query parameters</legend>
                <div className="grid-2">{qFields.map((f) => fieldFor(f, 'queryParams'))}</div>
              </fieldset>
            )}
            {queryOnlyIssues.length > 0 && (
              <p className="field-error" role="alert">
                Does not match the request schema: {issueText(queryOnlyIssues, 'query')}
              </p>
            )}
            {withBody && (
              <JsonField
                label="Request body"
                value={draft.body}
                onChange={(text) => setDraft((d) => ({ ...d, body: text }))}
                error={bodyError}
                minLines={6}
                hint="Prefilled from the endpoint's request schema and checked against it as you type."
              />
            )}
            {!withBody && qFields.length === 0 && pFields.length === 0 && (
              <p className="muted">{def?.method} endpoints take no body; this one has no parameters.</p>
            )}

            <fieldset className="fieldset-plain fieldset-close invoke-credential">
              <legend className="field-label">Credential</legend>
              {(
                [
                  ['session', `Your session (${me.role})`],
                  ['token', 'A service token, for the next call only'],
                ] as const
              ).map(([kind, label]) => (
                <label key={kind} className="invoke-radio">
                  <input type="radio" name="invoke-credential" checked={credentialKind === kind} onChange={() => setCredentialKind(kind)} />
                  <span>{label}</span>
                </label>
              ))}
              {credentialKind === 'token' && (
                <Field
                  label="Service token"
                  hint="Used for one call, then cleared from the form. It is never stored, nor put in the URL or the code below."
                >
                  <input
                    className="input mono"
                    type="password"
                    value={token}
                    onChange={(e) => setToken(e.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </Field>
              )}
            </fieldset>

            {viewerReason && <Notice>{viewerReason}</Notice>}
            <div className="invoke-actions invoke-submit">
              <Button
                type="submit"
                variant="primary"
                disabled={blocker !== null || viewerReason !== null}
                pending={call.state.status === 'pending'}
              >
                Send
              </Button>
              <Button
                onClick={runAsJob}
                disabled={blocker !== null || viewerReason !== null || jobReason !== null}
                title={jobReason ?? undefined}
              >
                Run as job
              </Button>
              {(blocker ?? jobReason) && <span className="muted invoke-blocker">{blocker ?? jobReason}</span>}
            </div>
          </form>
          <SavedRequestsList
            endpointLabel={choice.key}
            saved={saved}
            onSave={(name) => setSaved(saveRequest(serviceId, choice.key, { name, ...draft }))}
            onUse={useSaved}
            onDelete={(name) => setSaved(deleteSavedRequest(serviceId, choice.key, name))}
          />
        </Card>

        <div className="stack invoke-results">
          <Card id="invoke-response-title" heading="Response" className="invoke-response">
            <p className="visually-hidden" role="status">
              {said}
            </p>
            {call.state.status === 'idle' && <p className="muted">Send the request to see the gateway&apos;s answer here.</p>}
            {call.state.status === 'pending' && (
              <WaitingForAnswer since={call.state.startedAt} label="Waiting for the gateway…" onAbort={call.abort} />
            )}
            {call.state.status === 'error' && (
              <p className="form-alert" role="alert">
                {call.state.error.message}
              </p>
            )}
            {outcome?.kind === 'sync' && <ResponseView answer={outcome.answer} logs={{ scope, serviceId }} />}
            {outcome?.kind === 'job' &&
              (outcome.submitted.job ? (
                <p role="status">
                  Job accepted ({outcome.submitted.answer.status} {outcome.submitted.answer.statusText}): its status is below.
                </p>
              ) : (
                <RefusalText answer={outcome.submitted.answer} />
              ))}
          </Card>
          {openJobId && (
            <JobCard
              key={openJobId}
              scope={scope}
              serviceId={serviceId}
              jobId={openJobId}
              submitRequestId={submitIds.get(openJobId) ?? null}
              cancelReason={cancelReason}
              onClose={() => setOpenJobId(null)}
            />
          )}
        </div>
      </div>

      <CodePanel scope={scope} serviceId={serviceId} call={snippetCall} stubVersion={stubVersion} />
      <JobsPanel
        scope={scope}
        serviceId={serviceId}
        jobIds={jobIds}
        onOpen={setOpenJobId}
        onForget={(ids) => setJobIds(forgetJobs(serviceId, ids))}
      />
    </div>
  );
}
