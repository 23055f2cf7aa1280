/**
 * The demo seed's activity, told from what the seed holds: each service's
 * creation, its later versions, its publishes (replayed with the contract's
 * split rule, so each entry carries the split it left), its deployments and
 * their outcomes, and ml-inference's own credentials.
 */
import type { ActivityKind, SplitShare } from '../../src/contract/activity';
import { splitAfterPublish } from '../../src/contract/traffic-rules';
import type { ActivityRecord } from './records';
import type { UserRecord } from '../auth/records';
import type { CredentialsRecord } from '../credentials/records';
import type { DeploymentRecord } from '../deployments/records';
import type { ServiceRecord } from '../services/records';
import type { VersionRecord } from '../versions/records';
import { splitWords } from './rules';

export interface ActivitySeedInput {
  services: ServiceRecord[];
  versions: VersionRecord[];
  deployments: DeploymentRecord[];
  credentials: CredentialsRecord[];
  users: UserRecord[];
  /** Deterministic ids. */
  id: (n: number) => string;
}

export function demoActivity(input: ActivitySeedInput): ActivityRecord[] {
  const out: ActivityRecord[] = [];
  const person = (role: UserRecord['role']) => {
    const u = input.users.find((x) => x.role === role)!;
    return { id: u.id, email: u.email };
  };
  const byEmail = (email: string | null) => {
    const u = input.users.find((x) => x.email === email);
    return u ? { id: u.id, email: u.email } : null;
  };
  const add = (
    s: ServiceRecord,
    at: string,
    actor: ActivityRecord['actor'],
    kind: ActivityKind,
    summary: string,
    more: Partial<ActivityRecord> = {},
  ) =>
    out.push({
      id: input.id(out.length),
      service_id: s.id,
      kind,
      at,
      actor,
      summary,
      version: null,
      split: null,
      fields: null,
      deployment_id: null,
      jti: null,
      ...more,
    });

  for (const s of input.services) {
    const developer = person('developer');
    const versions = input.versions.filter((v) => v.service_id === s.id).sort((a, b) => a.version - b.version);
    add(s, s.created_at, developer, 'service.created', `Created ${s.name} (${s.execution_mode}), with version 1 as a draft`, {
      version: 1,
    });
    for (const v of versions.slice(1))
      add(s, v.created_at, developer, 'version.created', `Created version ${v.version} as a draft`, { version: v.version });

    const published = versions.filter((v) => v.published_at !== null).sort((a, b) => a.published_at!.localeCompare(b.published_at!));
    let serving: { id: string; percent: number }[] = [];
    published.forEach((v, i) => {
      // Every publish took all the traffic, but the last one of a version still active: it took what it holds now (a canary).
      const percent = i === published.length - 1 && v.status === 'active' ? v.traffic_percent : 100;
      serving = splitAfterPublish(serving, v.id, percent).filter((x) => x.percent > 0);
      const split: SplitShare[] = serving.map((x) => ({
        version_id: x.id,
        version: versions.find((w) => w.id === x.id)!.version,
        percent: x.percent,
      }));
      add(s, v.published_at!, developer, 'version.published', `Published version ${v.version} at ${percent}%: ${splitWords(split)}`, {
        version: v.version,
        split,
      });
    });

    for (const d of input.deployments.filter((x) => x.service_id === s.id)) {
      const more = { version: d.version, deployment_id: d.id };
      if (d.kind === 'teardown') {
        add(
          s,
          d.started_at,
          d.started_by,
          'deployment.torn_down',
          `Tore down the deployment of version ${d.version}: the container is stopped`,
          more,
        );
        continue;
      }
      const what = d.kind === 'build' ? 'build' : d.build ? 'build and deploy' : 'deploy (prebuilt image)';
      add(s, d.started_at, d.started_by, 'deployment.started', `Started a ${what} of version ${d.version}`, more);
      // The outcome: the event that ends the attempt (later ones are its replacement's draining).
      const outcome = d.events.find((e) => e.state === 'failed' || e.state === (d.kind === 'build' ? 'built' : 'active'));
      if (!outcome) continue;
      if (outcome.state === 'failed')
        add(
          s,
          outcome.at,
          d.started_by,
          'deployment.failed',
          `The ${d.kind} of version ${d.version} failed: ${outcome.message ?? 'no message'}`,
          more,
        );
      else
        add(
          s,
          outcome.at,
          d.started_by,
          'deployment.finished',
          d.kind === 'build'
            ? `The build of version ${d.version} finished: the image is ready to deploy`
            : `The deploy of version ${d.version} finished: version ${d.version} is live`,
          more,
        );
    }

    for (const c of input.credentials.filter((x) => x.service_id === s.id)) {
      add(
        s,
        c.updated_at,
        byEmail(c.updated_by),
        'credentials.set',
        `Set its own cloud credentials: ${c.cloud_provider} / ${c.cloud_project_id} (fingerprint ${c.fingerprint})`,
      );
    }
  }
  return out;
}
