import type { DeploymentState, ExecutionMode, ServiceStatus } from '@/contract/services';
import { Badge, type Tone } from '@/ui/badge';

const statusTone: Record<ServiceStatus, Tone> = { draft: 'neutral', active: 'success', archived: 'warning' };
const deploymentTone: Record<DeploymentState, Tone> = {
  building: 'info',
  built: 'info',
  deploying: 'info',
  active: 'success',
  failed: 'danger',
  draining: 'warning',
};

export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  return <Badge tone={statusTone[status]}>{status}</Badge>;
}

export function DeploymentStateBadge({ state }: { state: DeploymentState }) {
  return <Badge tone={deploymentTone[state]}>deploy: {state}</Badge>;
}

export function ExecutionModeLabel({ mode }: { mode: ExecutionMode }) {
  return <span className={`mode mode-${mode}`}>{mode}</span>;
}
