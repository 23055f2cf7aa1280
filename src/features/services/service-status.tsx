import type { DeploymentState, ExecutionMode, ServiceStatus } from '@/contract/services';
import { ValueBadge, type Tone } from '@/ui/badge';

const statusTone: Record<ServiceStatus, Tone> = { draft: 'neutral', active: 'success', archived: 'warning' };
const deploymentTone: Record<DeploymentState, Tone> = {
  building: 'info',
  built: 'info',
  deploying: 'info',
  active: 'success',
  failed: 'danger',
  draining: 'warning',
};

/** A status the console does not know (say "published") shows as it came, in the neutral style. */
export function ServiceStatusBadge({ status }: { status: string }) {
  return <ValueBadge value={status} tones={statusTone} />;
}

export function DeploymentStateBadge({ state }: { state: string }) {
  return <ValueBadge value={state} tones={deploymentTone} prefix="deploy: " />;
}

export function ExecutionModeLabel({ mode }: { mode: ExecutionMode }) {
  return <span className={`mode mode-${mode}`}>{mode}</span>;
}
