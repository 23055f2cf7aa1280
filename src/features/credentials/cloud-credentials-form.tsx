import './cloud-credentials.css';
import { useRef, useState } from 'react';
import { toast } from 'sonner';
import * as z from 'zod/mini';
import { CloudProvider, credentialsShape, CredentialsWrite, type CredentialsInfoRead } from '@/contract/credentials';
import { CREDENTIAL_SHAPES } from '@/contract/credentials-rules';
import { isKnown } from '@/contract/reading';
import { readJson } from '@/lib/json-text';
import { useServerForm } from '@/lib/use-server-form';
import { useFormChanged } from '@/lib/use-form-changed';
import { useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { Button } from '@/ui/button';
import { Field } from '@/ui/field';
import { FormFooter } from '@/ui/form-footer';
import { JsonFormField } from '@/ui/json-field';
import { UnsavedChangesDialog } from '@/ui/unsaved-changes-dialog';
import { TextField } from '@/ui/text-field';
import { nullableText } from '@/lib/form-schema';

/**
 * The platform's schema, with the secret checked for JSON syntax first so the
 * message says where it breaks; the contract's own checks (present, size, an
 * object, the provider's shape) follow. The secret stays text: it is sent as
 * the string it is.
 */
const CredentialsForm = z
  .object({
    ...CredentialsWrite.shape,
    cloud_credentials_json: z.pipe(
      z.string().check(
        z.superRefine((text, ctx) => {
          const read = text.trim() === '' ? null : readJson(text);
          if (read && !read.ok)
            ctx.addIssue({
              code: 'custom',
              message: `The credentials are not valid JSON at line ${read.error.line}, column ${read.error.column}`,
              input: text,
            });
        }),
      ),
      CredentialsWrite.shape.cloud_credentials_json,
    ),
  })
  .check(credentialsShape);

type Input = z.input<typeof CredentialsForm>;
type Output = z.output<typeof CredentialsForm>;
const PROVIDER_NAMES: Record<CloudProvider, string> = {
  gcp: 'Google Cloud (gcp)',
  aws: 'Amazon Web Services (aws)',
  azure: 'Microsoft Azure (azure)',
};
const WORDS = {
  service: {
    title: (replacing: boolean) => (replacing ? 'Replace this service’s credentials' : 'Set credentials for this service'),
    saved: (replacing: boolean) =>
      replacing ? 'Service credentials replaced' : 'Service credentials saved: this service now uses its own',
  },
  organization: {
    title: (replacing: boolean) => (replacing ? 'Replace the organization’s credentials' : 'Set the organization’s credentials'),
    saved: (replacing: boolean) => (replacing ? 'Organization credentials replaced' : 'Organization credentials saved'),
  },
};

/** The non-secret part of the form, from the record being replaced; the secret always starts empty. */
function blank(current: CredentialsInfoRead | null): Input {
  // A provider this console does not offer is chosen again rather than sent back as it came.
  const provider = current && isKnown(CloudProvider.options, current.cloud_provider) ? current.cloud_provider : ('' as CloudProvider);
  return {
    cloud_provider: provider,
    cloud_credentials_json: '',
    cloud_project_id: current?.cloud_project_id ?? '',
    cloud_region: current?.cloud_region ?? null,
  };
}

/**
 * Set or replace cloud credentials (seed 000 "Cloud Credentials"), checked with
 * the schema the platform validates with. The secret is write-only: it lives in
 * this form until it is sent, and the field is emptied once the save succeeds.
 */
export function CloudCredentialsForm({
  owner,
  current,
  save,
  subtitle,
}: {
  current: CredentialsInfoRead | null;
  /** The save mutation (service or organization); it holds the secret, so it is reset after every attempt. */
  save: { mutateAsync: (values: Output) => Promise<unknown>; reset: () => void };
  /** Whose credentials these are: the words of the title and of the confirmation follow. */
  owner: 'service' | 'organization';
  subtitle?: React.ReactNode;
}) {
  const [fileNote, setFileNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const server = useServerForm({
    schema: CredentialsForm,
    fields: ['cloud_provider', 'cloud_credentials_json', 'cloud_project_id', 'cloud_region'],
    defaultValues: blank(current),
    send: async (values) => {
      try {
        await save.mutateAsync(values);
      } finally {
        // Whatever happened, the secret does not stay in the mutation cache.
        save.reset();
      }
    },
    onSuccess: (_saved, values, { form }) => {
      toast.success(WORDS[owner].saved(current !== null));
      // The secret leaves the page's memory: the field is emptied, the rest shows what was saved.
      form.reset({
        ...blank(null),
        cloud_provider: values.cloud_provider,
        cloud_project_id: values.cloud_project_id,
        cloud_region: values.cloud_region ?? null,
      });
      setFileNote(null);
    },
  });
  const { form } = server;
  const { register, formState, setValue, reset, watch } = form;
  const provider = watch('cloud_provider');
  // Leaving with credentials typed but not saved asks first.
  const changed = useFormChanged(form);
  const guard = useUnsavedChanges(changed && !server.pending);

  const loadFile = (file: File | undefined) => {
    if (!file) return;
    // Read locally; the text only goes to the platform with the form.
    const reader = new FileReader();
    reader.onload = () => {
      setValue('cloud_credentials_json', typeof reader.result === 'string' ? reader.result : '', {
        shouldDirty: true,
        shouldValidate: formState.isSubmitted,
      });
      setFileNote(`Loaded ${file.name} (${file.size.toLocaleString()} bytes).`);
    };
    reader.onerror = () => setFileNote(`Could not read ${file.name}.`);
    reader.readAsText(file);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <form className="form card credentials-form" onSubmit={server.onSubmit} noValidate aria-labelledby="credentials-form-title">
      <div>
        <h2 id="credentials-form-title">{WORDS[owner].title(current !== null)}</h2>
        {subtitle && <p className="muted card-subtitle">{subtitle}</p>}
      </div>
      <div className="grid-2">
        <Field label="Cloud provider" required error={formState.errors.cloud_provider?.message}>
          <select className="select" {...register('cloud_provider')}>
            <option value="">Choose a provider…</option>
            {CloudProvider.options.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_NAMES[p]}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          form={form}
          name="cloud_project_id"
          label="Project"
          required
          code
          hint="The cloud project (or account) to deploy into."
        />
        <TextField
          form={form}
          name="cloud_region"
          label="Region"
          code
          hint="e.g. us-central1. Empty means the provider's default."
          options={{ setValueAs: nullableText }}
        />
      </div>
      <JsonFormField
        form={form}
        name="cloud_credentials_json"
        label="Credentials JSON"
        required
        minLines={8}
        hint={
          <>
            {provider ? CREDENTIAL_SHAPES[provider].hint : 'The provider’s key file, as JSON.'} Write-only: once saved it is never shown
            again, only its fingerprint.
            {fileNote && <span className="credentials-file-note"> {fileNote}</span>}
          </>
        }
      />
      <div className="credentials-file">
        <label className="btn btn-sm credentials-file-button">
          Load from a file…
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => loadFile(e.target.files?.[0])}
          />
        </label>
        <span className="muted">The file is read in your browser and sent only when you save.</span>
      </div>
      <FormFooter form={server} submit={{ label: current ? 'Replace credentials' : 'Save credentials' }}>
        <Button disabled={!changed} onClick={() => reset(blank(current))}>
          Discard
        </Button>
      </FormFooter>
      <UnsavedChangesDialog guard={guard} what="The credentials form" />
    </form>
  );
}
