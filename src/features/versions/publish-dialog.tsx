import { useId } from 'react';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { splitAfterPublish } from '@/contract/traffic-rules';
import type { EndpointRead, ServiceVersionRead } from '@/contract/versions';
import { knowsTraffic, servingVersions } from '@/contract/versions-rules';
import { usePublishVersion } from '@/data/versions/publish-version';
import { useServerForm } from '@/lib/use-server-form';
import { Badge } from '@/ui/badge';
import { FormDialog } from '@/ui/form-dialog';
import { diffEndpoints } from './endpoint-diff';

const TRAFFIC_ERROR = 'Traffic must be a whole number from 1 to 100.';

/** The share the new version takes, and the user's word that publishing cannot be undone. */
const PublishForm = z.object({
  traffic_percent: z
    .number({ error: TRAFFIC_ERROR })
    .check(z.int({ error: TRAFFIC_ERROR }), z.gte(1, { error: TRAFFIC_ERROR }), z.lte(100, { error: TRAFFIC_ERROR })),
  understood: z.literal(true, { error: 'Confirm that publishing is irreversible' }),
});

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
  const server = useServerForm({
    schema: PublishForm,
    fields: ['traffic_percent'],
    mode: 'onChange',
    defaultValues: { traffic_percent: 100, understood: false },
    send: (v) => publish.mutateAsync({ traffic_percent: v.traffic_percent }),
    // The draft page this dialog sits on becomes the published version's page as soon as the data refreshes.
    onSuccess: (v) => {
      toast.success(`Version ${v.version} is now active at ${v.traffic_percent}%`);
    },
    onClose: () => onOpenChange(false),
  });
  const { form } = server;
  const percent = form.watch('traffic_percent');
  const understood = form.watch('understood');
  const ids = { slider: useId(), number: useId(), ack: useId() };
  const active = versions.find((v) => v.status === 'active');
  const serving = servingVersions(versions);
  const valid = Number.isInteger(percent) && percent >= 1 && percent <= 100;
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

  return (
    <FormDialog
      form={server}
      open={open}
      title={`Publish version ${draft.version}`}
      description="Publishing freezes the endpoint definitions into an immutable snapshot and makes the version live."
      wide
      submitLabel={`Publish version ${draft.version}`}
      submitDisabled={!understood || !valid || endpoints.length === 0}
    >
      {unchanged && (
        <p className="form-alert" role="alert">
          No endpoint changes: version {draft.version}&apos;s endpoints are the same as version {active.version}&apos;s (active). Publishing
          it sends traffic to an identical version; edit its endpoints first if that is not what you meant.
        </p>
      )}
      <div className="publish-grid">
        <section aria-labelledby={`${ids.slider}-h`} className="stack">
          <h3 id={`${ids.slider}-h`}>Traffic</h3>
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
          <div>
            <p className="field-label">After publishing</p>
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
