/**
 * The demo seed's deployment history, consistent with the seeded services'
 * `deployment_state`:
 * - ml-inference: deployed, torn down, redeployed from the built image; active; its own credentials (acme-ml, europe-west4);
 * - embedding-service: v1 deployed, then v2, which replaced it (v1 drained);
 * - image-classifier: v1 serves; the latest deploy failed its build on `nonexistent-libheif1`
 *   (still in its system_packages, so a redeploy fails the same way until it is removed);
 * - report-generator: its first deploy is building now (a slow build: 3-minute phases from the time of seeding);
 * - pdf-renderer: built, never deployed.
 */
import type { UserRecord } from '../auth/records';
import type { DeploymentRecord } from './records';
import type { ServiceRecord } from '../services/records';
import type { VersionRecord } from '../versions/records';
import { iso } from '../core/time';
import { buildFailure, planEvents } from './rules';

const HISTORY_PHASE_MS = 90_000;
const LIVE_PHASE_MS = 180_000;

export interface DeploySeedInput {
  services: ServiceRecord[];
  versions: VersionRecord[];
  users: UserRecord[];
  /** `ago(days, hours)` of the seed's clock, as ms. */
  ago: (days: number, hours?: number) => number;
  now: number;
  /** Deterministic ids for the records. */
  id: (n: number) => string;
}

export function demoDeployments(input: DeploySeedInput): DeploymentRecord[] {
  const { services, versions, users, ago, id } = input;
  const bySlug = (slug: string) => services.find((s) => s.slug === slug);
  const user = (role: UserRecord['role']) => {
    const u = users.find((x) => x.role === role)!;
    return { id: u.id, email: u.email };
  };
  const versionOf = (s: ServiceRecord, n: number) => versions.find((v) => v.service_id === s.id && v.version === n)!;
  const deployments: DeploymentRecord[] = [];
  let n = 0;

  function add(
    s: ServiceRecord,
    o: {
      version: number;
      kind: 'deploy' | 'build';
      build?: boolean;
      t0: number;
      by?: UserRecord['role'];
      phaseMs?: number;
      fail?: boolean;
    },
  ): DeploymentRecord {
    const v = versionOf(s, o.version);
    const build = o.kind === 'build' || (o.build ?? true);
    const phaseMs = o.phaseMs ?? HISTORY_PHASE_MS;
    const plan = planEvents({ kind: o.kind, build, t0: o.t0, phaseMs, buildError: o.fail ? buildFailure(s) : null, deployError: null });
    const d: DeploymentRecord = {
      id: id(n++),
      service_id: s.id,
      kind: o.kind,
      build,
      version_id: v.id,
      version: v.version,
      started_by: user(o.by ?? 'developer'),
      started_at: iso(o.t0),
      finished_at: iso(plan.finished),
      events: plan.events,
    };
    deployments.push(d);
    return d;
  }
  const replace = (old: DeploymentRecord, by: DeploymentRecord) => {
    const at = Date.parse(by.finished_at!);
    old.events.push(
      { state: 'draining', at: iso(at), message: `Replaced by version ${by.version}` },
      { state: 'torn_down', at: iso(at + HISTORY_PHASE_MS), message: 'Drained and stopped' },
    );
  };

  const ml = bySlug('ml-inference');
  if (ml) {
    const first = add(ml, { version: 1, kind: 'deploy', t0: ago(28), by: 'admin' });
    const t = ago(20);
    first.events.push({ state: 'torn_down', at: iso(t), message: 'Torn down' });
    deployments.push({
      id: id(n++),
      service_id: ml.id,
      kind: 'teardown',
      build: false,
      version_id: first.version_id,
      version: first.version,
      started_by: user('admin'),
      started_at: iso(t),
      finished_at: iso(t),
      events: [{ state: 'torn_down', at: iso(t), message: `Stopped version ${first.version}` }],
    });
    add(ml, { version: 1, kind: 'deploy', build: false, t0: ago(19) });
  }
  const emb = bySlug('embedding-service');
  if (emb) {
    const v1 = add(emb, { version: 1, kind: 'deploy', t0: ago(27) });
    const v2 = add(emb, { version: 2, kind: 'deploy', t0: ago(2) });
    replace(v1, v2);
  }
  const img = bySlug('image-classifier');
  if (img) {
    add(img, { version: 1, kind: 'deploy', t0: ago(5) });
    add(img, { version: 1, kind: 'deploy', t0: ago(0, 3), fail: true });
  }
  const rep = bySlug('report-generator');
  if (rep) add(rep, { version: 1, kind: 'deploy', t0: input.now - 60_000, phaseMs: LIVE_PHASE_MS });
  const pdf = bySlug('pdf-renderer');
  if (pdf) add(pdf, { version: 1, kind: 'build', t0: ago(9) });

  return deployments;
}
