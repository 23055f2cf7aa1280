import { useEffect, useRef, useState } from 'react';
import { STOPPABLE_AGENT_STATUSES, type AgentDeploymentRead } from '@/contract/agents';
import type { AgentServiceRow } from '@/data/agents/agent-service-row';
import { useAgentServices } from '@/data/agents/get-agent-services';
import { notAvailable } from '@/lib/not-available';
import { formatRelative } from '@/lib/format';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { TableHead } from '@/ui/table-head';
import { describeReadiness, describeStatus } from './agent-words';
import { versionName } from './agent-versions';

export type InstanceAction = { kind: 'url' | 'stop'; deployment: AgentDeploymentRead; instance: AgentServiceRow };

/** "adsvc_1 is ready." for each instance whose status changed since the last poll: read out, politely. */
function useStatusChanges(instances: readonly AgentServiceRow[] | undefined): string {
  const previous = useRef<Map<string, string> | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!instances) return;
    const before = previous.current;
    previous.current = new Map(instances.map((i) => [i.id, i.status]));
    if (!before) return;
    const changes = instances
      .filter((i) => before.has(i.id) && before.get(i.id) !== i.status)
      .map((i) => `${i.id} is ${describeStatus(i.status).label.toLowerCase()}.`);
    if (changes.length) setSaid(changes.join(' '));
  }, [instances]);
  return said;
}

/** One agent deployment: its versions, and its instances with their status kept live. */
export function DeploymentCard({
  orgId,
  deployment,
  canWrite,
  onNewInstance,
  onAction,
}: {
  orgId: string;
  deployment: AgentDeploymentRead;
  canWrite: boolean;
  onNewInstance: () => void;
  onAction: (action: InstanceAction) => void;
}) {
  const instances = useAgentServices(orgId, deployment.id);
  const changes = useStatusChanges(instances.data?.items);
  const current = deployment.current_version_id ? versionName(deployment, deployment.current_version_id) : null;
  const headingId = `deployment-${deployment.id}`;

  let body: React.ReactNode;
  if (instances.isPending) body = <Skeleton height="4rem" />;
  else if (instances.isError)
    body = notAvailable(instances.error) ? (
      <Unavailable capability="agentListings" title="A deployment’s instances are not listed on this platform">
        <p>Starting one still works.</p>
      </Unavailable>
    ) : (
      <ErrorState title="Could not load the instances" error={instances.error} onRetry={() => void instances.refetch()} />
    );
  else if (instances.data.items.length === 0)
    body = (
      <EmptyState title="No instances yet">
        <p>{canWrite ? 'Start one to run this agent.' : 'None has been started.'}</p>
      </EmptyState>
    );
  else
    body = (
      <div className="table-wrap table-flat">
        <table className="table table-records agent-table">
          <caption className="visually-hidden">Instances of {deployment.name}</caption>
          <TableHead columns={['Instance', 'Version', 'Status', 'Port', 'Started', { label: 'Actions', hidden: true }]} />
          <tbody>
            {instances.data.items.map((instance) => (
              <InstanceRow key={instance.id} deployment={deployment} instance={instance} canWrite={canWrite} onAction={onAction} />
            ))}
          </tbody>
        </table>
        {instances.data.invalid.length > 0 && (
          <p className="form-alert" role="alert">
            {instances.data.invalid.length} instance(s) could not be read:{' '}
            {instances.data.invalid.map((r) => `${r.id ?? `#${r.index + 1}`} (${r.message})`).join('; ')}
          </p>
        )}
      </div>
    );

  return (
    <Card
      id={headingId}
      heading={deployment.name}
      subtitle={
        <>
          {deployment.description}
          {current && (
            <>
              {deployment.description ? ' ' : ''}Current version: {current}.
            </>
          )}
        </>
      }
      actions={
        canWrite && (
          <Button variant="primary" aria-label={`New instance of ${deployment.name}`} onClick={onNewInstance}>
            New instance
          </Button>
        )
      }
    >
      {body}
      <p className="visually-hidden" role="status" aria-live="polite">
        {changes}
      </p>
    </Card>
  );
}

function InstanceRow({
  deployment,
  instance,
  canWrite,
  onAction,
}: {
  deployment: AgentDeploymentRead;
  instance: AgentServiceRow;
  canWrite: boolean;
  onAction: (action: InstanceAction) => void;
}) {
  const status = describeStatus(instance.status);
  const readiness = describeReadiness(instance.readiness_status);
  const stoppable = (STOPPABLE_AGENT_STATUSES as readonly string[]).includes(instance.status);
  return (
    <tr>
      <th scope="row" className="mono agent-id">
        {instance.id}
        <span className="muted agent-created" title={instance.created_at}>
          created {formatRelative(instance.created_at)}
        </span>
      </th>
      <td className="agent-version" data-label="Version">
        {versionName(deployment, instance.version_id)}
      </td>
      <td className="agent-status">
        <Badge tone={status.tone}>{status.label}</Badge>
        <span className="agent-status-words">{status.meaning}</span>
        {instance.failure_reason && <span className="agent-failure">Why: {instance.failure_reason}</span>}
        {readiness && instance.status !== 'stopped' && !instance.failure_reason && (
          <span className="muted agent-readiness">{readiness}</span>
        )}
      </td>
      <td className="num mono agent-port" data-label="Port">
        {instance.port}
      </td>
      <td className="agent-started" data-label="Started">
        <DateTime iso={instance.started_at} fallback={instance.status === 'failed' ? 'never' : '—'} />
        {instance.stopped_at && (
          <span className="muted agent-stopped">
            {instance.status === 'failed' ? 'failed' : 'stopped'} <DateTime iso={instance.stopped_at} />
          </span>
        )}
      </td>
      <td className="agent-actions">
        <div className="row-actions">
          {/* A stopped or failed instance never has a URL again: no button that can never work. */}
          {(instance.has_public_url || stoppable) && (
            <Button
              size="sm"
              disabled={!instance.has_public_url}
              title={instance.has_public_url ? undefined : 'Only a ready instance has a public URL'}
              aria-label={`Show the public URL of ${instance.id}`}
              onClick={() => onAction({ kind: 'url', deployment, instance })}
            >
              Show URL
            </Button>
          )}
          {canWrite && stoppable && (
            <Button
              size="sm"
              variant="ghost"
              className="btn-danger-text"
              aria-label={`Stop ${instance.id}`}
              onClick={() => onAction({ kind: 'stop', deployment, instance })}
            >
              Stop
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}
