/**
 * The seeds, composed from each domain's: `demo` (fixed IDs that docs and
 * tests rely on, core/seed-ids.ts), `empty` (organization, workspaces, rings
 * and users; no services) and `large` (demo plus N generated services, for
 * the bench).
 */
import { demoActivity } from '../activity/seed';
import { demoAgents } from '../agents/seed';
import { demoApiKeys } from '../api-keys/seed';
import { demoUsers } from '../auth/seed';
import { demoConnectors } from '../connectors/seed';
import { demoCloudCredentials } from '../credentials/seed';
import { demoDeployments } from '../deployments/seed';
import { demoOrganization } from '../organizations/seed';
import { demoRings } from '../rings/seed';
import { demoServices, largeServices } from '../services/seed';
import type { StateFile } from './records';
import { demoId, type SeedName } from './seed-ids';
import { iso } from './time';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface SeedOptions {
  seed: SeedName;
  /** Extra services for `large`. */
  extraServices?: number;
  /** The platform's clock, now: the seed's times are relative to it. */
  now: number;
}

export function buildSeed(opts: SeedOptions): StateFile {
  const { now } = opts;
  // The seed's clock: midnight UTC today, so times read as "n days ago".
  const base = Math.floor(now / DAY) * DAY;
  const agoMs = (days: number, hours = 0) => base - days * DAY - hours * HOUR;
  const ago = (days: number, hours = 0) => iso(agoMs(days, hours));

  const { organizations, workspaces } = demoOrganization(ago);
  const users = demoUsers();
  const demo = opts.seed === 'empty' ? { services: [], versions: [], endpoints: [] } : demoServices(ago);
  // Before the services are stored: it binds invoice-extractor to them.
  const connector_instances = opts.seed === 'empty' ? [] : demoConnectors(demo.services, ago(60));
  const large = opts.seed === 'large' ? largeServices(opts.extraServices ?? 10_000, base) : { services: [], versions: [] };
  const services = [...demo.services, ...large.services];
  const versions = [...demo.versions, ...large.versions];

  const deployments =
    opts.seed === 'empty' ? [] : demoDeployments({ services, versions, users, ago: agoMs, now, id: (k) => demoId(8001 + k) });
  const cloud_credentials = opts.seed === 'empty' ? [] : demoCloudCredentials(services, agoMs);
  // The demo services' story so far (not the `large` seed's generated ones).
  const activity = demoActivity({
    services: demo.services,
    versions: demo.versions,
    deployments,
    credentials: cloud_credentials,
    users,
    id: (k) => demoId(20_001 + k),
  });

  return {
    format: 1,
    seed: opts.seed,
    organizations,
    workspaces,
    rings: demoRings(workspaces),
    users,
    organization_api_keys: demoApiKeys(ago),
    services,
    versions,
    endpoints: demo.endpoints,
    refresh_tokens: [],
    revoked_jtis: [],
    idempotency: [],
    connector_instances,
    deployments,
    cloud_credentials,
    activity,
    ...(opts.seed === 'empty' ? { agent_deployments: [], agent_services: [] } : demoAgents(ago)),
  };
}
