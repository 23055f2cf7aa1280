/** A deployment ring, as stored: the contract's, and where it belongs. */
import type { Ring } from '../../src/contract/rings';

export type RingRecord = Ring & { org_id: string; workspace_id: string };
