import './deployments.css';
import { Link } from '@tanstack/react-router';
import type { DeploymentHealth } from '@/contract/deployments';
import type { Scope } from '@/contract/paths';
import { isKnown } from '@/contract/reading';
import type { HostedServiceRead } from '@/contract/services';
import { useWhoami } from '@/data/auth/get-whoami';
import { useLiveDeployment } from '@/data/deployments/use-live-deployment';
import { useService } from '@/data/services/get-service';
import type { ServiceProps } from '@/lib/route-props';
import { Badge, ValueBadge, type Tone } from '@/ui/badge';
import { Detail } from '@/ui/details';
import { EmptyState } from '@/ui/states';
import { DeploymentActions } from './deployment-actions';
import { DeploymentProgress } from './deployment-progress';
import { actionAvailability, progressSteps, servingSentence, servingVersion } from './deployment-rules';
import { DeploymentTimeline } from './deployment-timeline';
import { StateBadge } from './state-badge';
import { Unavailable } from '@/ui/unavailable';
import { Card } from '@/ui/card';
import { serviceOverview } from '@/lib/service-links';

/** The Deployment tab: build, deploy and tear down a persistent service, and watch it happen. */
export function DeploymentPage({ scope, serviceId }: ServiceProps) {
  const service = useService(scope, serviceId);
  if (service.execution_mode !== 'persistent') return <InvocationDeployment scope={scope} service={service} />;
  return <PersistentDeployment scope={scope} service={service} />;
}

/**
 * Invocation services have nothing to deploy: the tab is not shown for them,
 * and a link to it lands here, on one sentence saying why and a way back.
 */
function InvocationDeployment({ scope, service }: { scope: Scope; service: HostedServiceRead }) {
  return (
    <EmptyState
      title="No deployment for invocation services"
      action={
        <Link {...serviceOverview(scope, service.id)} className="btn btn-secondary">
          Back to the overview
        </Link>
      }
    >
      <p>{service.name} runs in invocation mode: the platform runs it on demand, so there is no container to build, deploy or tear down.</p>
    </EmptyState>
  );
}

const HEALTH_TONE: Record<DeploymentHealth, Tone> = { healthy: 'success', degraded: 'warning', unhealthy: 'danger', unknown: 'neutral' };
const HEALTH_KNOWN = Object.keys(HEALTH_TONE) as DeploymentHealth[];
const HEALTH_WORDS: Record<DeploymentHealth, string> = {
  healthy: 'Healthy: the container answers its health checks.',
  degraded: 'Degraded: some replicas fail their health checks.',
  unhealthy: 'Unhealthy: the container does not answer its health checks.',
  unknown: 'Health unknown: nothing running to check.',
};

function PersistentDeployment({ scope, service }: { scope: Scope; service: HostedServiceRead }) {
  const me = useWhoami();
  const { status, deployments, invalid, historyAvailable, polling } = useLiveDeployment(scope, service.id);
  const latest = deployments.find((d) => d.kind !== 'teardown');
  const newest = deployments[0];
  const serving = servingVersion(status, deployments, service.active_version);
  const reasons = actionAvailability({ service, role: me.role, status, history: deployments });
  const failed = status.deployment_state === 'failed';
  const tornDown = newest?.kind === 'teardown';

  return (
    <div className="stack">
      <Card
        id="deploy-title"
        className="deploy-card"
        heading="Deployment"
        subtitle="Persistent services run as a container: build an image of the active version, then deploy it."
      >
        <DeploymentActions scope={scope} service={service} reasons={reasons} serving={serving} />

        {failed && status.message && (
          <div className="deploy-failure" role="alert">
            <p>
              <strong>
                {latest
                  ? `The ${latest.kind === 'build' ? 'build' : 'deploy'} of version ${latest.version ?? '?'} failed.`
                  : 'The last deployment failed.'}
              </strong>{' '}
              {status.message}
            </p>
            {serving !== null && <p>The previous deployment keeps serving: version {serving} is still live.</p>}
          </div>
        )}

        <dl className="details deploy-facts">
          <Detail term="State">
            <span className="deploy-state" aria-live="polite">
              {status.deployment_state ? <StateBadge state={status.deployment_state} /> : <Badge>not deployed</Badge>}
              {polling && <span className="deploy-live">updating live</span>}
            </span>
          </Detail>
          <Detail term="Health">
            <ValueBadge value={status.health} tones={HEALTH_TONE} />{' '}
            <span className="muted">
              {isKnown(HEALTH_KNOWN, status.health)
                ? HEALTH_WORDS[status.health]
                : 'A health this console does not know, as the platform reports it.'}
            </span>
          </Detail>
          <div className="details-wide">
            <dt>Serving</dt>
            <dd data-testid="serving-sentence">{servingSentence(serving, service.active_version, status.synced)}</dd>
          </div>
          {status.message && !failed && (
            <Detail term="Message" wide>
              {status.message}
            </Detail>
          )}
        </dl>

        {(latest || status.deployment_state) && !tornDown && (
          <DeploymentProgress
            steps={progressSteps(latest, status)}
            caption={
              latest
                ? `${latest.kind === 'build' ? 'Build' : 'Deploy'} of version ${latest.version ?? '?'}${latest.kind === 'deploy' && !latest.build ? ' (prebuilt image)' : ''}`
                : 'Current deployment'
            }
          />
        )}
        {tornDown && newest && (
          <p className="muted deploy-torn">
            {newest.state === 'torn_down'
              ? 'Torn down: the container is stopped. Deploy to run it again.'
              : 'Tearing down: the container is draining.'}
          </p>
        )}
      </Card>
      {historyAvailable ? (
        <DeploymentTimeline deployments={deployments} invalid={invalid} />
      ) : (
        <Unavailable capability="deploymentHistory" title="Deployment history is not available on this platform">
          <p>
            The state, health and progress above come from the platform’s deployment status. Build, Deploy, Deploy without building and Tear
            down work as usual.
          </p>
        </Unavailable>
      )}
    </div>
  );
}
