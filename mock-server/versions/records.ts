/** Versions and their endpoints, as stored: the contract's shapes. */
import type { Endpoint, ServiceVersion } from '../../src/contract/versions';

export type VersionRecord = ServiceVersion;
/** An endpoint of a version: drafts' are edited; published ones are kept, read-only. */
export type EndpointRecord = Endpoint;
