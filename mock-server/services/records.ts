import type { HostedService } from '../../src/contract/services';

/** A hosted service as stored: the contract's shape minus the version-derived fields. */
export type ServiceRecord = Omit<HostedService, 'active_version_id' | 'active_version' | 'draft_version_id' | 'draft_version'>;
