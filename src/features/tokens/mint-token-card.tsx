import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { MintRequest } from '@/contract/tokens';
import { useMintToken } from '@/data/tokens/mint-token';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { FormAlert } from '@/ui/form-alert';
import { MintedTokenDialog } from './minted-token-dialog';

/** Claims are typed as JSON; they must be an object (a JWT's claims set). */
export function parseClaims(text: string): { ok: true; claims: Record<string, unknown> } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, claims: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `Claims are not valid JSON: ${e instanceof Error ? e.message : 'syntax error'}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'Claims must be a JSON object, e.g. {"tenant_id": "t-123"}' };
  return { ok: true, claims: value as Record<string, unknown> };
}

const MintForm = z.object({
  claims: z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      const parsed = parseClaims(text);
      if (parsed.ok) return parsed.claims;
      ctx.issues.push({ code: 'custom', message: parsed.message, input: text });
      return z.NEVER;
    }),
  ),
  ttl_minutes: MintRequest.shape.ttl_minutes,
});

export function MintTokenCard({ scope, serviceId, serviceName }: { scope: Scope; serviceId: string; serviceName: string }) {
  const mint = useMintToken(scope, serviceId);
  // The result goes to the dialog through the mutation only; nothing here keeps it.
  const { form, onSubmit, failure, retry, pending } = useServerForm({
    schema: MintForm,
    fields: ['claims', 'ttl_minutes'],
    mode: 'onChange',
    defaultValues: { claims: '{\n  "tenant_id": "t-123",\n  "role": "reader"\n}', ttl_minutes: 60 },
    send: (v) => mint.mutateAsync(v),
  });
  const { register, formState } = form;

  return (
    <section className="card" aria-labelledby="mint-title">
      <h3 id="mint-title" className="card-heading">
        Mint a token
      </h3>
      <p className="muted card-subtitle">A signed token that calls {serviceName} through the gateway. It is shown once.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label="Claims (JSON object)" hint="Added to the token; the platform sets sub, exp, jti and the other reserved claims." error={formState.errors.claims?.message}>
          <textarea className="input mono claims-input" rows={5} spellCheck={false} {...register('claims')} />
        </Field>
        <Field label="TTL (minutes)" required hint="From 1 minute to 10080 (7 days)." error={formState.errors.ttl_minutes?.message}>
          <input className="input ttl-input" type="number" inputMode="numeric" min={1} max={10080} step={1} {...register('ttl_minutes', { valueAsNumber: true })} />
        </Field>
        <FormAlert failure={failure} onRetry={retry} />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={pending}>
            Mint token
          </Button>
        </div>
      </form>
      <MintedTokenDialog minted={mint.data ?? null} onClose={() => mint.reset()} />
    </section>
  );
}
