import { useEffect, useRef } from 'react';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import type { ServiceVersionRead } from '@/contract/versions';
import type { KnownTraffic } from '@/contract/versions-rules';
import { useUpdateTraffic } from '@/data/traffic/update-traffic';
import { ApiError } from '@/lib/api-error';
import type { ServiceProps } from '@/lib/route-props';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { FormFooter } from '@/ui/form-footer';
import { SplitBar, SplitSwatch, segmentTones } from './split-bar';
import { describeSplit, versionList } from '@/contract/traffic-rules';

/** Each serving version's share, as typed: kept as text so a half-typed value is not rewritten under the cursor. */
const SplitForm = z.object({
  shares: z.record(
    z.string(),
    z.string().check(z.refine((text) => parsePercent(text) !== null, { error: 'Each share is a whole number from 0 to 100.' })),
  ),
});

function parsePercent(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text);
  return n <= 100 ? n : null;
}

/** A share's range, the same for its slider and its box. */
const SHARE_RANGE = { min: 0, max: 100, step: 1 } as const;

/** The platform's reason belongs beside the shares it is about, with what to do next. */
function describeRefusal(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.issues.length === 0) return null;
  return `${error.issues.map((i) => i.msg).join('. ')}. The versions may have changed elsewhere: cancel to see the current split.`;
}

/** Set each serving version's share by hand; saved, after a confirmation, only when the shares sum to exactly 100. */
export function SplitEditor({
  scope,
  serviceId,
  serving,
  onClose,
}: ServiceProps & { serving: KnownTraffic<ServiceVersionRead>[]; onClose: () => void }) {
  const update = useUpdateTraffic(scope, serviceId);
  const byVersion = [...serving].sort((a, b) => a.version - b.version);
  const server = useServerForm({
    schema: SplitForm,
    fields: [],
    describeError: describeRefusal,
    defaultValues: { shares: Object.fromEntries(serving.map((v) => [v.id, String(v.traffic_percent)])) },
    confirm: true,
    send: (v) =>
      update.mutateAsync({ allocations: serving.map((s) => ({ version_id: s.id, percent: parsePercent(v.shares[s.id] ?? '') ?? 0 })) }),
    onSuccess: () => {
      toast.success(`Traffic split saved: ${byVersion.map((v) => `v${v.version} ${percents[v.id]}%`).join(', ')}`);
      onClose();
    },
  });
  const { form, confirming, confirm, cancel } = server;
  const draft = form.watch('shares');

  const percents: Record<string, number> = {};
  const invalid = new Set<string>();
  for (const v of serving) {
    const p = parsePercent(draft[v.id] ?? '');
    if (p === null) invalid.add(v.id);
    percents[v.id] = p ?? 0;
  }
  const { sum, archived, newActive, changed } = describeSplit(serving, percents);
  const off = sum - 100;
  const blocker =
    invalid.size > 0
      ? 'Each share is a whole number from 0 to 100.'
      : off > 0
        ? `The shares add up to ${sum}%: ${off}% too much.`
        : off < 0
          ? `The shares add up to ${sum}%: ${-off}% short of 100.`
          : !changed
            ? 'Change a share to save a new split.'
            : null;
  const tones = segmentTones(serving);
  const preview = serving.map((v) => ({ id: v.id, version: v.version, status: v.status, percent: percents[v.id] ?? 0 }));
  const active = serving.find((v) => v.status === 'active');
  const setShare = (id: string, value: string) => form.setValue(`shares.${id}`, value);
  // Opened from Edit split (which it disables), the editor takes focus: its heading, read out as where the user is,
  // with the shares next in Tab order (not a share itself, which would open a phone's keyboard unasked).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Escape leaves it, as it leaves a dialog; not while its confirmation (which takes Escape itself) is open.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && confirming === null && !server.pending) onClose();
  };

  return (
    <section className="card split-editor" aria-labelledby="split-editor-title" onKeyDown={onKeyDown}>
      <h2 id="split-editor-title" ref={heading} tabIndex={-1}>
        Edit split
      </h2>
      <p className="muted card-subtitle">Give each serving version a whole-number share; the shares must add up to 100%.</p>
      <form className="form" noValidate onSubmit={(e) => (blocker ? e.preventDefault() : void server.onSubmit(e))}>
        <div className="split-rows">
          {byVersion.map((v) => {
            const inputId = `share-${v.id}`;
            return (
              <div key={v.id} className="split-row">
                <label htmlFor={inputId} className="split-row-label">
                  <SplitSwatch tone={tones.get(v.id)} />
                  <span>
                    <strong>v{v.version}</strong>{' '}
                    <span className="muted">
                      ({v.status}, now {v.traffic_percent}%)
                    </span>
                  </span>
                  <span className="visually-hidden"> share in percent</span>
                </label>
                <input
                  type="range"
                  {...SHARE_RANGE}
                  className="split-range"
                  aria-label={`v${v.version} share slider`}
                  value={percents[v.id] ?? 0}
                  onChange={(e) => setShare(v.id, e.target.value)}
                />
                <span className="split-number">
                  <input
                    id={inputId}
                    type="number"
                    inputMode="numeric"
                    {...SHARE_RANGE}
                    className="input"
                    aria-invalid={invalid.has(v.id) || undefined}
                    {...form.register(`shares.${v.id}`)}
                  />
                  <span aria-hidden="true">%</span>
                </span>
              </div>
            );
          })}
        </div>

        <p className={`split-sum ${off === 0 && invalid.size === 0 ? 'split-sum-ok' : 'split-sum-off'}`} role="status" aria-live="polite">
          Total: <strong>{sum}%</strong>
          {invalid.size === 0 && off !== 0 && <> · {off > 0 ? `${off}% over` : `${-off}% short`}</>}
        </p>

        <div className="field">
          <span className="field-label">Preview</span>
          <SplitBar segments={preview} label="New traffic split" />
        </div>

        {archived.length > 0 && invalid.size === 0 && (
          <div className="archive-warning" role="note">
            <p>
              <strong>{versionList(archived)}</strong> {archived.length === 1 ? 'is' : 'are'} set to 0% and will be{' '}
              <strong>archived</strong> for good: an archived version never serves traffic again.
            </p>
            {active && newActive && (
              <p>
                Setting the active version v{active.version} to 0 is a rollback: v{newActive.version} becomes the active version.
              </p>
            )}
          </div>
        )}

        <FormFooter form={server} actions="form-actions split-editor-actions" submit={{ label: 'Save split', disabled: !!blocker }}>
          {blocker && <p className="field-hint split-blocker">{blocker}</p>}
          <Button onClick={onClose}>Cancel</Button>
        </FormFooter>
      </form>

      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && cancel()}
        title="Apply the new split?"
        actionLabel="Apply split"
        tone={archived.length > 0 ? 'danger' : 'primary'}
        pending={server.pending}
        onConfirm={confirm}
      >
        <ul className="split-changes">
          {byVersion.map((v) => (
            <li key={v.id}>
              v{v.version}: {v.traffic_percent}% → <strong>{percents[v.id]}%</strong>
              {percents[v.id] === 0 && ' (archived)'}
            </li>
          ))}
        </ul>
        {archived.length > 0 ? (
          <p>
            <strong>Will be archived:</strong> {versionList(archived)}. {archived.length === 1 ? 'It' : 'They'} will never serve traffic
            again.
            {active && newActive && ` v${newActive.version} becomes the active version.`}
          </p>
        ) : (
          <p>Nothing will be archived. Traffic moves as soon as you apply.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
