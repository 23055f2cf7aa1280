import { useEffect, useId } from 'react';
import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import type { RolloutRead } from '@/contract/rollouts';
import { splitAfterPublish } from '@/contract/traffic-rules';
import type { EndpointRead, ServiceVersionRead } from '@/contract/versions';
import { knowsTraffic, servingVersions } from '@/contract/versions-rules';
import { useNewestRollout } from '@/data/rollouts/get-newest-rollout';
import { isUnfinished } from '@/data/rollouts/rollout-state';
import { planBody, planField } from '@/data/rollouts/rollout-plan';
import { usePublishWithRollout } from '@/data/rollouts/start-rollout';
import { usePublishVersion } from '@/data/versions/publish-version';
import { useServerForm } from '@/lib/use-server-form';
import { Badge } from '@/ui/badge';
import { FormDialog } from '@/ui/form-dialog';
import { diffEndpoints } from './endpoint-diff';
import { publishDefaults, PublishForm, type PublishHow, type PublishValues } from './publish-form';
import { RolloutFields } from './rollout-fields';

/** What a publish did: the version, and the rollout it started (null: published at once). */
type Published = { version: ServiceVersionRead; rollout: RolloutRead | null };

export function PublishDialog({
  scope,
  serviceId,
  draft,
  endpoints,
  versions,
  open,
  onOpenChange,
}: {
  scope: Scope;
  serviceId: string;
  draft: ServiceVersionRead;
  endpoints: EndpointRead[];
  versions: ServiceVersionRead[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const publish = usePublishVersion(scope, serviceId, draft.id);
  const gradual = usePublishWithRollout(scope, serviceId, draft.id);
  // One read teaches both: whether this platform rolls out (our extension), and whether a rollout is under way.
  const newest = useNewestRollout(scope, serviceId);
  const server = useServerForm<PublishValues, PublishValues, Published>({
    schema: PublishForm,
    // The platform's issues: the percentage's on its field; a rollout's (`steps.1.percent`, `analysis.max_error_rate`) on the plan's.
    fields: (field, values) => {
      if (values.how === 'percent') return field === 'traffic_percent' ? 'traffic_percent' : null;
      if (field === 'traffic_percent') return 'rollout.steps.0.percent';
      const planned = planField(field);
      return planned && `rollout.${planned}`;
    },
    mode: 'onChange',
    defaultValues: publishDefaults(),
    send: (v, { idempotencyKey }) =>
      v.how === 'gradual'
        ? gradual.send(planBody(v.rollout), idempotencyKey)
        : publish
            .mutateAsync({ input: { traffic_percent: v.traffic_percent }, idempotencyKey })
            .then((version) => ({ version, rollout: null })),
    // The draft page this dialog sits on becomes the published version's page as soon as the data refreshes.
    onSuccess: ({ version, rollout }) => {
      toast.success(
        rollout
          ? `Version ${version.version} is live at ${version.traffic_percent}%: its rollout has started`
          : `Version ${version.version} is now active at ${version.traffic_percent}%`,
      );
    },
    onClose: () => {
      gradual.settle();
      onOpenChange(false);
    },
  });
  const { form } = server;
  const how = form.watch('how');
  const trafficPercent = form.watch('traffic_percent');
  const firstStep = form.watch('rollout.steps.0.percent');
  const understood = form.watch('understood');
  const ids = { slider: useId(), number: useId(), ack: useId(), how: useId() };
  const active = versions.find((v) => v.status === 'active');
  const serving = servingVersions(versions);
  const isPercent = (p: number | undefined): p is number => Number.isInteger(p) && p! >= 1 && p! <= 100;
  // The share it takes on publishing: the percentage, or the rollout's first step.
  const percent = how === 'gradual' ? firstStep : trafficPercent;
  const valid = isPercent(percent);
  // `traffic_percent` is our decision: where the platform leaves a serving version's out, the split after publishing is not known.
  const split = knowsTraffic(serving)
    ? splitAfterPublish(
        serving.map((v) => ({ id: v.id, percent: v.traffic_percent })),
        draft.id,
        valid ? percent : 100,
      )
    : null;
  const byId = new Map(versions.map((v) => [v.id, v]));
  const changes = active ? diffEndpoints(active.endpoint_snapshot ?? [], endpoints) : [];
  const breaking = changes.filter((c) => c.breaking).length;
  // Publishing what is live already changes nothing a client sees, only where traffic goes: say so before it happens.
  const unchanged = active !== undefined && changes.length === 0;

  const rollouts = newest.data;
  const underWay = rollouts?.available && rollouts.data && isUnfinished(rollouts.data) ? rollouts.data : null;
  const baseline = [...serving].sort((a, b) => (b.traffic_percent ?? 0) - (a.traffic_percent ?? 0))[0];
  // Why "Roll out gradually" is not offered (null: it is).
  const noGradual =
    serving.length === 0
      ? 'A gradual rollout compares the new version with one already serving: this first publish takes all traffic at once.'
      : rollouts?.available === false
        ? `This platform does not roll out gradually (progressive rollouts are not available): version ${draft.version} takes its percentage at once, and you promote it or roll it back from the Traffic tab.`
        : newest.isError && !rollouts
          ? `Whether this platform rolls out gradually could not be checked: ${newest.error.message}`
          : null;
  const gradualOffered = noGradual === null;
  const blocked = underWay
    ? `A rollout of ${byId.get(underWay.version_id) ? `v${byId.get(underWay.version_id)!.version}` : 'another version'} is in progress: publishing would change its traffic split. Let it finish, or abort it from the Traffic tab, then publish.`
    : null;
  // Learnt while the dialog was open (the platform has no rollouts after all): back to the percentage, unless it is half done.
  useEffect(() => {
    if (!gradualOffered && how === 'gradual' && gradual.published === null) form.setValue('how', 'percent');
  }, [gradualOffered, how, gradual.published, form]);
  const setHow = (next: PublishHow) => form.setValue('how', next, { shouldValidate: form.formState.isSubmitted });

  return (
    <FormDialog
      form={server}
      open={open}
      title={`Publish version ${draft.version}`}
      description="Publishing freezes the endpoint definitions into an immutable snapshot and makes the version live."
      wide
      submitLabel={
        how === 'gradual'
          ? gradual.published
            ? 'Start the rollout'
            : `Publish and roll out version ${draft.version}`
          : `Publish version ${draft.version}`
      }
      submitDisabled={!understood || (how === 'percent' && !valid) || endpoints.length === 0 || blocked !== null}
    >
      {blocked && (
        <p className="form-alert" role="alert">
          {blocked}
        </p>
      )}
      {gradual.published && (
        <p className="form-alert" role="alert">
          Version {gradual.published.version} is published at {gradual.published.traffic_percent ?? firstStep}% of traffic, but its rollout
          has not started. Correct what is marked and start it again, or close: the version keeps that share, and you move it from the
          Traffic tab.
        </p>
      )}
      {unchanged && (
        // A warning, not a refusal: publishing stays possible, so it is not drawn as an error.
        <p className="form-alert publish-warning" role="alert">
          No endpoint changes: version {draft.version}&apos;s endpoints are the same as version {active.version}&apos;s (active). Publishing
          it sends traffic to an identical version; edit its endpoints first if that is not what you meant.
        </p>
      )}
      <div className="publish-grid">
        <section aria-labelledby={`${ids.slider}-h`} className="stack">
          <h3 id={`${ids.slider}-h`}>Traffic</h3>
          {gradualOffered ? (
            <fieldset className="publish-how">
              <legend className="visually-hidden">How version {draft.version} takes its traffic</legend>
              <label className="publish-how-option">
                <input
                  type="radio"
                  name={ids.how}
                  checked={how === 'percent'}
                  disabled={gradual.published !== null}
                  onChange={() => setHow('percent')}
                />
                <span>
                  <strong>At a percentage</strong>
                  <span className="muted">Its share at once; you promote it or roll it back.</span>
                </span>
              </label>
              <label className="publish-how-option">
                <input type="radio" name={ids.how} checked={how === 'gradual'} onChange={() => setHow('gradual')} />
                <span>
                  <strong>Roll out gradually</strong>
                  <span className="muted">In steps the platform checks; it rolls back by itself.</span>
                </span>
              </label>
            </fieldset>
          ) : (
            <p className="field-hint" role="note">
              {noGradual}
            </p>
          )}
          {how === 'gradual' ? (
            <RolloutFields form={form} draftVersion={draft.version} baselineVersion={baseline?.version ?? null} />
          ) : (
            <>
              <div className="traffic-input">
                <label htmlFor={ids.slider}>Traffic to version {draft.version}</label>
                <input
                  id={ids.slider}
                  type="range"
                  min={1}
                  max={100}
                  step={1}
                  value={valid ? percent : 100}
                  onChange={(e) => form.setValue('traffic_percent', Number(e.target.value), { shouldValidate: true })}
                />
                <label htmlFor={ids.number} className="visually-hidden">
                  Traffic percent
                </label>
                <span className="percent-input">
                  <input
                    id={ids.number}
                    className="input"
                    type="number"
                    min={1}
                    max={100}
                    step={1}
                    aria-invalid={!valid || undefined}
                    {...form.register('traffic_percent', { valueAsNumber: true })}
                  />
                  %
                </span>
              </div>
              {form.formState.errors.traffic_percent && (
                <p className="field-error" role="alert">
                  {form.formState.errors.traffic_percent.message}
                </p>
              )}
            </>
          )}
          <div>
            <p className="field-label">{how === 'gradual' ? 'At the first step' : 'After publishing'}</p>
            {split ? (
              <>
                <div
                  className="split-bar"
                  role="img"
                  aria-label={split.map((s) => `version ${byId.get(s.id)?.version ?? draft.version}: ${s.percent}%`).join(', ')}
                >
                  {split
                    .filter((s) => s.percent > 0)
                    .map((s) => (
                      <span key={s.id} className={s.id === draft.id ? 'split-new' : 'split-old'} style={{ flexGrow: s.percent }}>
                        v{byId.get(s.id)?.version ?? draft.version} · {s.percent}%
                      </span>
                    ))}
                </div>
                <ul className="split-list">
                  {split.map((s) => {
                    const v = byId.get(s.id);
                    const number = v?.version ?? draft.version;
                    const fate =
                      s.id === draft.id
                        ? 'becomes active'
                        : s.percent === 0
                          ? 'drains with no traffic, then is archived'
                          : v?.status === 'active'
                            ? 'becomes draining'
                            : 'keeps draining';
                    return (
                      <li key={s.id}>
                        Version {number}: <strong>{s.percent}%</strong> — {fate}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : (
              <p className="field-hint">
                Version {draft.version} takes {valid ? percent : 100}%, and the versions serving now share the rest. This platform does not
                say how traffic is split now, so the shares after publishing cannot be shown.
              </p>
            )}
            {serving.length === 0 && (
              <p className="field-hint">This is the first publish: it takes all traffic, and the service becomes active.</p>
            )}
          </div>
        </section>
        <section aria-labelledby={`${ids.ack}-diff`} className="stack">
          <h3 id={`${ids.ack}-diff`}>Changes against {active ? `version ${active.version} (active)` : 'nothing yet published'}</h3>
          {!active ? (
            <p className="muted">No active version: every endpoint is new.</p>
          ) : changes.length === 0 ? (
            <p className="muted">No endpoint changes.</p>
          ) : (
            <>
              {breaking > 0 && (
                <p className="form-alert" role="alert">
                  {breaking} breaking change{breaking > 1 ? 's' : ''}: clients built against version {active.version} may stop working.
                </p>
              )}
              <ul className="diff-list" aria-label="Endpoint changes">
                {changes.map((c) => (
                  <li key={c.key} className={`diff-${c.kind}`}>
                    <span className="diff-kind">{c.kind}</span> <span className="mono">{c.key}</span>
                    {c.breaking && <Badge tone="danger">breaking</Badge>}
                    <ul>
                      {c.notes.map((n) => (
                        <li key={n.text} className={n.breaking ? 'note-breaking' : undefined}>
                          {n.text}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <label className="ack" htmlFor={ids.ack}>
        <input id={ids.ack} type="checkbox" {...form.register('understood')} />I understand that publishing is irreversible: version{' '}
        {draft.version}&apos;s endpoints can no longer change.
      </label>
    </FormDialog>
  );
}
