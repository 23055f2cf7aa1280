import type { AgentDeploymentRead } from '@/contract/agents';

/** "v2 · Adds refund policy tool", or the version's ID when the deployment does not list it. */
export function versionName(deployment: AgentDeploymentRead, versionId: string): string {
  const v = deployment.versions.find((x) => x.id === versionId);
  if (!v) return versionId;
  const number = v.version === null ? v.id : `v${v.version}`;
  return v.label ? `${number} · ${v.label}` : number;
}
