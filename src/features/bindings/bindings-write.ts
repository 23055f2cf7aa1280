import type { HostedServiceRead, ServiceUpdate } from '@/contract/services';

/**
 * Bindings as read, to be sent back whole in an update. A role the console
 * does not know is sent as it came: the contract's check refuses it before
 * sending, at that binding's role, rather than the console rewriting it.
 */
export const bindingsToWrite = (bindings: HostedServiceRead['connector_bindings']) =>
  bindings as NonNullable<ServiceUpdate['connector_bindings']>;
