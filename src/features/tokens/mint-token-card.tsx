import * as z from 'zod/mini';
import type { Scope } from '@/contract/paths';
import { MintRequest } from '@/contract/tokens';
import { useMintToken } from '@/data/tokens/mint-token';
import { readJson } from '@/lib/json-text';
import { useServerForm } from '@/lib/use-server-form';
import { Card } from '@/ui/card';
import { Field } from '@/ui/field';
import { FormFooter } from '@/ui/form-footer';
import { JsonFormField } from '@/ui/json-field';
import { MintedTokenDialog } from './minted-token-dialog';

/**
 * Claims are typed as JSON: where it breaks (line and column), then the
 * contract's check that they are an object (a JWT's claims set). Empty means none.
 */
const ClaimsText = z.pipe(
  z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      if (text.trim() === '') return {};
      const read = readJson(text);
      if (read.ok) return read.value;
      const { line, column, reason } = read.error;
      ctx.issues.push({ code: 'custom', message: `Claims are not valid JSON at line ${line}, column ${column}: ${reason}`, input: text });
      return z.NEVER;
    }),
  ),
  MintRequest.shape.claims,
);

const MintForm = z.object({ claims: ClaimsText, ttl_minutes: MintRequest.shape.ttl_minutes });

export function MintTokenCard({ scope, serviceId, serviceName }: { scope: Scope; serviceId: string; serviceName: string }) {
  const mint = useMintToken(scope, serviceId);
  // The result goes to the dialog through the mutation only; nothing here keeps it.
  const server = useServerForm({
    schema: MintForm,
    fields: ['claims', 'ttl_minutes'],
    mode: 'onChange',
    defaultValues: { claims: '{\n  "tenant_id": "t-123",\n  "role": "reader"\n}', ttl_minutes: 60 },
    send: (v) => mint.mutateAsync(v),
  });
  const { form } = server;
  const { register, formState } = form;

  return (
    <Card
      id="mint-title"
      level={3}
      heading="Mint a token"
      subtitle={`A signed token that calls ${serviceName} through the gateway. It is shown once.`}
    >
      <form className="form" onSubmit={server.onSubmit} noValidate>
        <JsonFormField
          form={form}
          name="claims"
          label="Claims (JSON object)"
          minLines={5}
          hint="Added to the token; the platform sets sub, exp, jti and the other reserved claims."
        />
        <Field label="TTL (minutes)" required hint="From 1 minute to 10080 (7 days)." error={formState.errors.ttl_minutes?.message}>
          <input
            className="input ttl-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={10080}
            step={1}
            {...register('ttl_minutes', { valueAsNumber: true })}
          />
        </Field>
        <FormFooter form={server} submit={{ label: 'Mint token' }} />
      </form>
      <MintedTokenDialog minted={mint.data ?? null} onClose={() => mint.reset()} />
    </Card>
  );
}
