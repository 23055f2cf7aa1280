import type { Scope } from '@/contract/paths';
import { connectorKeys } from '../connectors/keys';

/** What runs on an instance, composed on the instance's key. */
export const connectorOperationKeys = {
  instance: (s: Scope, connectorId: string, instanceId: string) =>
    [...connectorKeys.instance(s, connectorId, instanceId), 'operations'] as const,
  job: (s: Scope, connectorId: string, instanceId: string, jobId: string) =>
    [...connectorOperationKeys.instance(s, connectorId, instanceId), 'jobs', jobId] as const,
  ddlHistory: (s: Scope, connectorId: string, instanceId: string) =>
    [...connectorOperationKeys.instance(s, connectorId, instanceId), 'ddl'] as const,
  ddlPage: (s: Scope, connectorId: string, instanceId: string, limit: number) =>
    [...connectorOperationKeys.ddlHistory(s, connectorId, instanceId), { limit }] as const,
};
