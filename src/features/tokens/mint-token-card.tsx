import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import type { Scope } from '@/contract/paths';
import { applyServerErrors } from '@/lib/form-errors';
import { MintRequest } from '@/contract/tokens';
import { useMintToken } from '@/data/tokens/mint-token';
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

const formSchema = z.object({
  claims: z.string().superRefine((text, ctx) => {
    const parsed = parseClaims(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  }),
  ttl_minutes: MintRequest.shape.ttl_minutes.unwrap(),
});
type FormValues = z.infer<typeof formSchema>;
const FIELDS = ['claims', 'ttl_minutes'] as const;

export function MintTokenCard({ scope, serviceId, serviceName }: { scope: Scope; serviceId: string; serviceName: string }) {
  const mint = useMintToken(scope, serviceId);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    mode: 'onChange',
    defaultValues: { claims: '{\n  "tenant_id": "t-123",\n  "role": "reader"\n}', ttl_minutes: 60 },
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const parsed = parseClaims(v.claims);
    if (!parsed.ok) return;
    try {
      // The result goes to the dialog through the mutation only; nothing here keeps it.
      await mint.mutateAsync({ claims: parsed.claims, ttl_minutes: v.ttl_minutes });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <section className="card" aria-labelledby="mint-title">
      <h3 id="mint-title" className="card-heading">
        Mint a token
      </h3>
      <p className="muted card-subtitle">A signed token that calls {serviceName} through the gateway. It is shown once.</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Claims (JSON object)" hint="Added to the token; the platform sets sub, exp, jti and the other reserved claims." error={formState.errors.claims?.message}>
          <textarea className="input mono claims-input" rows={5} spellCheck={false} {...register('claims')} />
        </Field>
        <Field label="TTL (minutes)" required hint="From 1 minute to 10080 (7 days)." error={formState.errors.ttl_minutes?.message}>
          <input className="input ttl-input" type="number" inputMode="numeric" min={1} max={10080} step={1} {...register('ttl_minutes', { valueAsNumber: true })} />
        </Field>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={mint.isPending}>
            Mint token
          </Button>
        </div>
      </form>
      <MintedTokenDialog minted={mint.data ?? null} onClose={() => mint.reset()} />
    </section>
  );
}
