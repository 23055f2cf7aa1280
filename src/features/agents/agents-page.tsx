import './agents.css';
import { useId, useState } from 'react';
import { toast } from 'sonner';
import type { AgentDeploymentRead } from '@/contract/agents';
import { useWhoami } from '@/data/auth/get-whoami';
import { useAgentDeployments } from '@/data/agents/get-agent-deployments';
import { useStopAgentService } from '@/data/agents/stop-agent-service';
import { notAvailable } from '@/lib/not-available';
import { roleReason } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { Notice } from '@/ui/notice';
import { CardSkeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { Page } from '@/ui/page';
import { CreateInstanceDialog } from './create-instance-dialog';
import { DeploymentCard, type InstanceAction } from './deployment-card';
import { PublicUrlDialog } from './public-url-dialog';

type Dialog = { kind: 'create'; deployment: AgentDeploymentRead } | InstanceAction;

/**
 * The organization's agent deployments (seed 003) and their service
 * instances: status kept live while an instance moves, new instances with
 * write-only environment values, a public URL shown only on request, stop.
 */
export function AgentsPage({ scope }: WorkspaceProps) {
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'agent-service:write');
  const deployments = useAgentDeployments(scope.orgId);
  // One dialog at a time: a new instance, a public URL, or a stop.
  const [dialog, setDialog] = useState<Dialog | null>(null);

  let body: React.ReactNode;
  if (deployments.isPending) {
    body = <CardSkeleton label="Loading agent deployments" />;
  } else if (deployments.isError) {
    body = notAvailable(deployments.error) ? (
      <div className="stack">
        <Unavailable capability="agentListings" level={2} title="Agent deployments are not listed on this platform">
          <p>Listing agent deployments and their instances is an extension of this console that the platform does not offer.</p>
        </Unavailable>
        {!readOnlyReason && <StartByDeploymentId onStart={(deployment) => setDialog({ kind: 'create', deployment })} />}
      </div>
    ) : (
      <ErrorState title="Could not load the agent deployments" error={deployments.error} onRetry={() => void deployments.refetch()} />
    );
  } else if (deployments.data.items.length === 0) {
    body = (
      <EmptyState title="No agent deployments">
        <p>Agent deployments are made with the platform’s agent tooling; their instances are started here.</p>
      </EmptyState>
    );
  } else {
    body = (
      <div className="stack agent-deployments">
        {deployments.data.items.map((deployment) => (
          <DeploymentCard
            key={deployment.id}
            orgId={scope.orgId}
            deployment={deployment}
            canWrite={!readOnlyReason}
            onNewInstance={() => setDialog({ kind: 'create', deployment })}
            onAction={setDialog}
          />
        ))}
      </div>
    );
  }

  return (
    <Page
      id="agents-title"
      title="Agent services"
      subtitle="Running instances of the organization’s agent deployments. Their status follows by itself while they start or stop."
    >
      <Notice reason={readOnlyReason}>Instances are shown read-only: starting and stopping them is not offered.</Notice>
      {body}

      {dialog?.kind === 'create' && (
        <CreateInstanceDialog
          key={dialog.deployment.id}
          orgId={scope.orgId}
          deployment={dialog.deployment}
          open
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
      {dialog?.kind === 'url' && (
        <PublicUrlDialog
          orgId={scope.orgId}
          deploymentId={dialog.deployment.id}
          instanceId={dialog.instance.id}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'stop' && <StopInstanceDialog orgId={scope.orgId} action={dialog} onClose={() => setDialog(null)} />}
    </Page>
  );
}

function StopInstanceDialog({ orgId, action, onClose }: { orgId: string; action: InstanceAction; onClose: () => void }) {
  const stop = useStopAgentService(orgId, action.deployment.id);
  const { instance, deployment } = action;
  return (
    <ConfirmAction
      title={`Stop ${instance.id}?`}
      actionLabel="Stop instance"
      state={stop}
      run={() => stop.mutateAsync(instance.id)}
      onClose={onClose}
      onDone={() => toast.success(`Instance ${instance.id} is stopping`)}
    >
      <p>
        This instance of <strong>{deployment.name}</strong> stops answering, and its public URL stops working. A stopped instance cannot be
        started again: start a new one instead.
      </p>
    </ConfirmAction>
  );
}

/**
 * Starting an instance is documented (seed 003) even where listing deployments
 * is not: the deployment is then named by its ID, as the agent tooling shows it.
 */
function StartByDeploymentId({ onStart }: { onStart: (deployment: AgentDeploymentRead) => void }) {
  const [id, setId] = useState('');
  const inputId = useId();
  const headingId = useId();
  const trimmed = id.trim();
  return (
    <form
      className="card stack"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed)
          onStart({
            id: trimmed,
            name: trimmed,
            description: null,
            current_version_id: null,
            versions: [],
            created_at: null,
            updated_at: null,
          });
      }}
    >
      <h2 id={headingId} className="card-heading">
        Start an instance
      </h2>
      <p className="muted">Starting an instance is documented: name the agent deployment by its ID.</p>
      <label className="field-label" htmlFor={inputId}>
        Deployment ID
      </label>
      <input id={inputId} className="input mono" autoComplete="off" value={id} onChange={(e) => setId(e.target.value)} />
      <div>
        <Button type="submit" variant="primary" disabled={!trimmed}>
          New instance…
        </Button>
      </div>
    </form>
  );
}
