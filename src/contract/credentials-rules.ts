/**
 * The shape of a cloud credential's secret (seed 000 "Cloud Credentials";
 * CONTRACT §5), decided once: the console's form refuses what the platform
 * answers with a 422 on `cloud_credentials_json`, and says beforehand, in the
 * same place, what each provider's secret holds (`hint`).
 */
/** The providers a credential is for (seed 000 names gcp; aws and azure are ours). */
export const CLOUD_PROVIDERS = ['gcp', 'aws', 'azure'] as const;
type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/**
 * Whether the secret is a JSON object. Where a text breaks is for the console's
 * JSON field to say (it parses as the user types); the platform only refuses.
 */
export function secretJsonProblem(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a JSON object, e.g. a service account key';
    return null;
  } catch {
    return 'is not valid JSON';
  }
}

/**
 * **[decision]** The least each provider's secret must hold to be a credential
 * at all (seed 000 names only "GCP service account key"): the fields a
 * deployer needs to sign in, each a non-empty string. Anything more is kept.
 * - gcp: a service account key file, as `gcloud iam service-accounts keys create` writes it:
 *   `type` ("service_account"), `project_id`, `private_key`, `client_email`;
 * - aws: an access key: `access_key_id`, `secret_access_key` (`session_token` optional);
 * - azure: a service principal: `tenant_id`, `client_id`, `client_secret`, or the same as
 *   `az ad sp create-for-rbac` prints it: `tenant`, `appId`, `password`.
 */
export const CREDENTIAL_SHAPES: Record<CloudProvider, { name: string; alternatives: (readonly string[])[]; hint: string }> = {
  gcp: {
    name: 'A GCP service account key',
    alternatives: [['type', 'project_id', 'private_key', 'client_email']],
    hint: 'A service account key file (JSON) with type "service_account", project_id, private_key and client_email.',
  },
  aws: {
    name: 'An AWS access key',
    alternatives: [['access_key_id', 'secret_access_key']],
    hint: 'A JSON document with access_key_id and secret_access_key (session_token optional).',
  },
  azure: {
    name: 'An Azure service principal',
    alternatives: [
      ['tenant_id', 'client_id', 'client_secret'],
      ['tenant', 'appId', 'password'],
    ],
    hint: 'A service principal as JSON: tenant_id, client_id and client_secret (or tenant, appId and password, as az ad sp create-for-rbac prints them).',
  },
};

const filled = (doc: Record<string, unknown>, key: string) => typeof doc[key] === 'string' && (doc[key] as string).trim() !== '';

/**
 * What the secret lacks for its provider (null: nothing, or it is not a JSON
 * object, which the field's own check says). Both sides apply it: the
 * console's form before sending, the platform with a 422 on the field.
 */
export function credentialsShapeProblem(provider: CloudProvider, text: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const record = doc as Record<string, unknown>;
  const shape = CREDENTIAL_SHAPES[provider];
  if (shape.alternatives.some((keys) => keys.every((k) => filled(record, k)))) {
    if (provider === 'gcp' && record.type !== 'service_account') return `${shape.name} must have "type": "service_account"`;
    return null;
  }
  // Name what the closest alternative lacks.
  const [closest] = [...shape.alternatives].sort(
    (a, b) => b.filter((k) => filled(record, k)).length - a.filter((k) => filled(record, k)).length,
  );
  const missing = closest!.filter((k) => !filled(record, k));
  const either =
    shape.alternatives.length > 1
      ? ` (or ${shape.alternatives
          .filter((a) => a !== closest)
          .map((a) => a.join(', '))
          .join('; or ')})`
      : '';
  return `${shape.name} needs ${closest!.join(', ')}${either}; missing: ${missing.join(', ')}`;
}
