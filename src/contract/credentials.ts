import { z } from 'zod';
import { Id, Timestamp } from './common';

export const CloudProvider = z.enum(['gcp', 'aws', 'azure'], { error: 'Choose a cloud provider: gcp, aws or azure' });
export type CloudProvider = z.infer<typeof CloudProvider>;

/**
 * Whether the secret is a JSON object. Where a text breaks is for the console's
 * JSON field to say (it parses as the user types); the platform only refuses.
 */
function jsonError(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a JSON object, e.g. a service account key';
    return null;
  } catch {
    return 'is not valid JSON';
  }
}

/**
 * A write of cloud credentials (seed 000 "Cloud Credentials"). The secret
 * `cloud_credentials_json` is a JSON document in a string; it is write-only
 * (CONTRACT §5): no read ever returns it.
 */
export const CredentialsWrite = z.strictObject({
  cloud_provider: CloudProvider,
  cloud_credentials_json: z
    .string({ error: 'Paste the credentials JSON' })
    .min(2, { error: 'Paste the credentials JSON' })
    .max(64_000, { error: 'The credentials JSON is too large (64 KB at most)' })
    .superRefine((text, ctx) => {
      const problem = jsonError(text);
      if (problem) ctx.addIssue({ code: 'custom', message: `The credentials ${problem}` });
    }),
  cloud_project_id: z.string().trim().min(1, { error: 'Project is required' }).max(100),
  cloud_region: z.string().trim().min(1).max(64).nullable().optional(),
});
export type CredentialsWrite = z.input<typeof CredentialsWrite>;

/** What reads return instead of the secret: metadata and a short fingerprint. */
export const CredentialsInfo = z.object({
  cloud_provider: CloudProvider,
  cloud_project_id: z.string(),
  cloud_region: z.string().nullable(),
  /** First 12 hex digits of the SHA-256 of the secret: tells two secrets apart, reveals nothing. */
  fingerprint: z.string(),
  updated_at: Timestamp,
  updated_by: z.string().nullable(),
});
export type CredentialsInfo = z.infer<typeof CredentialsInfo>;

/** A service's own credentials, the organization's, and which one is in force. */
export const EffectiveCredentials = z.object({
  source: z.enum(['service', 'organization', 'none']),
  effective: CredentialsInfo.nullable(),
  service: CredentialsInfo.nullable(),
  organization: CredentialsInfo.nullable(),
});
export type EffectiveCredentials = z.infer<typeof EffectiveCredentials>;

/** The admin page's view of the organization record and who overrides it. */
export const OrganizationCredentials = z.object({
  credentials: CredentialsInfo.nullable(),
  overriding_services: z.array(z.object({ id: Id, name: z.string(), slug: z.string(), workspace_id: Id, cloud_project_id: z.string() })),
});
export type OrganizationCredentials = z.infer<typeof OrganizationCredentials>;
