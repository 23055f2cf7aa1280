import * as z from 'zod/mini';
import { humanText, Id } from './common';
import { CLOUD_PROVIDERS, credentialsShapeProblem, secretJsonProblem } from './credentials-rules';
import { lenient, strict, type Mode, type Reading } from './reading';

export const CloudProvider = z.enum(CLOUD_PROVIDERS, { error: 'Choose a cloud provider: gcp, aws or azure' });
export type CloudProvider = z.infer<typeof CloudProvider>;

/** The shape rule as a check on a whole credentials write: its issue lands on `cloud_credentials_json`. */
export const credentialsShape = z.superRefine<{ cloud_provider: CloudProvider; cloud_credentials_json: string }>((value, ctx) => {
  const problem = credentialsShapeProblem(value.cloud_provider, value.cloud_credentials_json);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['cloud_credentials_json'], input: value.cloud_credentials_json });
});

/**
 * A write of cloud credentials (seed 000 "Cloud Credentials"). The secret
 * `cloud_credentials_json` is a JSON document in a string; it is write-only
 * (CONTRACT §5): no read ever returns it. It must have its provider's shape
 * (`credentialsShapeProblem`).
 */
export const CredentialsWrite = z
  .strictObject({
    cloud_provider: CloudProvider,
    cloud_credentials_json: z.string({ error: 'Paste the credentials JSON' }).check(
      z.minLength(2, { error: 'Paste the credentials JSON' }),
      z.maxLength(64_000, { error: 'The credentials JSON is too large (64 KB at most)' }),
      z.superRefine((text, ctx) => {
        const problem = secretJsonProblem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: `The credentials ${problem}` });
      }),
    ),
    cloud_project_id: z.string().check(z.trim(), z.minLength(1, { error: 'Project is required' }), z.maxLength(100), humanText('Project')),
    cloud_region: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(64), humanText('Region')))),
  })
  .check(credentialsShape);
export type CredentialsWrite = z.input<typeof CredentialsWrite>;

/**
 * What reads return instead of the secret: metadata and a short fingerprint.
 * Every read of credentials is our decision (the seeds document only the PUTs).
 */
const credentialsInfo = <M extends Mode>(r: Reading<M>) =>
  z.object({
    cloud_provider: r.openEnum(CloudProvider),
    cloud_project_id: z.string(),
    cloud_region: r.decided(z.nullable(z.string()), null),
    /** First 12 hex digits of the SHA-256 of the secret: tells two secrets apart, reveals nothing. */
    fingerprint: r.decided(z.string(), null),
    updated_at: r.decided(r.timestamp, null),
    updated_by: r.decided(z.nullable(z.string()), null),
  });
export const [CredentialsInfo, readCredentialsInfo] = [credentialsInfo(strict), credentialsInfo(lenient)];
export type CredentialsInfo = z.infer<typeof CredentialsInfo>;
export type CredentialsInfoRead = z.output<typeof readCredentialsInfo>;

export const CredentialsSource = z.enum(['service', 'organization', 'none']);

/** A service's own credentials, the organization's, and which one is in force. */
const effectiveCredentials = <M extends Mode>(r: Reading<M>) =>
  z.object({
    source: r.openEnum(CredentialsSource),
    effective: z.nullable(credentialsInfo(r)),
    service: r.decided(z.nullable(credentialsInfo(r)), null),
    organization: r.decided(z.nullable(credentialsInfo(r)), null),
  });
export const [EffectiveCredentials, readEffectiveCredentials] = [effectiveCredentials(strict), effectiveCredentials(lenient)];
export type EffectiveCredentials = z.infer<typeof EffectiveCredentials>;
export type EffectiveCredentialsRead = z.output<typeof readEffectiveCredentials>;

/** The admin page's view of the organization record and who overrides it. */
const organizationCredentials = <M extends Mode>(r: Reading<M>) =>
  z.object({
    credentials: z.nullable(credentialsInfo(r)),
    overriding_services: r.decided(
      z.array(z.object({ id: Id, name: z.string(), slug: z.string(), workspace_id: Id, cloud_project_id: z.string() })),
      [],
    ),
  });
export const [OrganizationCredentials, readOrganizationCredentials] = [organizationCredentials(strict), organizationCredentials(lenient)];
export type OrganizationCredentials = z.infer<typeof OrganizationCredentials>;
export type OrganizationCredentialsRead = z.output<typeof readOrganizationCredentials>;
