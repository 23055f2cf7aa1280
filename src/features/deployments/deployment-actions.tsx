import { useId, useState } from 'react';
import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import type { HostedServiceRead } from '@/contract/services';
import { useStartDeployment, type DeploymentAction } from '@/data/deployments/start-deployment';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import type { ActionAvailability } from './deployment-rules';

const LABEL: Record<DeploymentAction, string> = {
  build: 'Build',
  deploy: 'Deploy',
  'deploy-prebuilt': 'Deploy without building',
  teardown: 'Tear down',
};

/** Build, Deploy, Deploy without building, Tear down: each confirmed, each disabled with its reason when it does not apply. */
export function DeploymentActions({
  scope,
  service,
  reasons,
  serving,
}: {
  scope: Scope;
  service: HostedServiceRead;
  reasons: ActionAvailability;
  serving: number | null;
}) {
  const start = useStartDeployment(scope, service.id);
  const [open, setOpen] = useState<DeploymentAction | null>(null);
  const reasonId = useId();
  // The usual action first; Tear down last and set apart (styles), not beside Deploy where a slip would reach it.
  const order: DeploymentAction[] = ['deploy', 'build', 'deploy-prebuilt', 'teardown'];
  const distinct = [...new Set(order.map((a) => reasons[a]).filter((r): r is string => !!r))];
  const v = service.active_version;

  return (
    <div className="deploy-actions">
      <div className="deploy-buttons">
        {order.map((action) => (
          <Button
            key={action}
            variant={action === 'deploy' ? 'primary' : action === 'teardown' ? 'danger' : 'secondary'}
            disabled={!!reasons[action]}
            aria-describedby={reasons[action] ? `${reasonId}-${distinct.indexOf(reasons[action])}` : undefined}
            onClick={() => setOpen(action)}
          >
            {LABEL[action]}
          </Button>
        ))}
      </div>
      {distinct.length > 0 && (
        <ul className="deploy-reasons">
          {distinct.map((reason, i) => (
            <li key={reason} id={`${reasonId}-${i}`} className="field-hint">
              {reason}
            </li>
          ))}
        </ul>
      )}

      {open && (
        <ConfirmAction
          state={start}
          run={() => start.mutateAsync(open)}
          onDone={() => toast.success(STARTED[open](v))}
          onClose={() => setOpen(null)}
          title={TITLE[open](v)}
          actionLabel={LABEL[open]}
          tone={open === 'teardown' ? 'danger' : 'primary'}
        >
          <WhatHappens action={open} version={v} serving={serving} />
        </ConfirmAction>
      )}
    </div>
  );
}

const STARTED: Record<DeploymentAction, (v: number | null) => string> = {
  build: (v) => (v === null ? 'Building the active version…' : `Building version ${v}…`),
  deploy: (v) => (v === null ? 'Building and deploying the active version…' : `Building and deploying version ${v}…`),
  'deploy-prebuilt': () => 'Deploying the last built image…',
  teardown: () => 'Tearing down…',
};

const TITLE: Record<DeploymentAction, (v: number | null) => string> = {
  build: (v) => (v === null ? 'Build the active version?' : `Build version ${v}?`),
  deploy: (v) => (v === null ? 'Build and deploy the active version?' : `Build and deploy version ${v}?`),
  'deploy-prebuilt': () => 'Deploy the last built image?',
  teardown: () => 'Tear down the deployment?',
};

function WhatHappens({ action, version, serving }: { action: DeploymentAction; version: number | null; serving: number | null }) {
  const keeps =
    serving !== null ? (
      <p>Version {serving} keeps serving until the new container is active; if the deploy fails, it keeps serving.</p>
    ) : null;
  switch (action) {
    case 'build':
      return (
        <>
          <p>
            A container image of <strong>version {version}</strong> (the active version) will be built. Nothing is deployed: the running
            container, if any, is not touched.
          </p>
          <p>Deploy it afterwards with “Deploy without building”.</p>
        </>
      );
    case 'deploy':
      return (
        <>
          <p>
            A container image of <strong>version {version}</strong> will be built, then deployed: building → built → deploying → active.
          </p>
          {keeps}
        </>
      );
    case 'deploy-prebuilt':
      return (
        <>
          <p>The last built image will be deployed as it is, without a new build: deploying → active.</p>
          {keeps}
        </>
      );
    case 'teardown':
      return (
        <>
          <p>
            The running container{serving !== null && <> (version {serving})</>} will be <strong>stopped</strong>. Requests to this service
            will fail until it is deployed again.
          </p>
          <p>Versions, traffic and the built image are kept.</p>
        </>
      );
  }
}
