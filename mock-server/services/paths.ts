/** Paths of a service, for every domain whose operations are a service's (versions, deployments, tokens…). */
import type { Scope } from '../../src/contract/paths';
import { workspacePath } from '../core/operations';

/** A path of a service: `servicePath('/deploy', paths.deploy)`; more parameters through the builder. Checked against the contract's. */
export function servicePath<const S extends string>(suffix: S, build: (scope: Scope, serviceId: string) => string) {
  return workspacePath(`/hosted-services/:service_id${suffix}`, (scope) => build(scope, ':service_id'));
}
