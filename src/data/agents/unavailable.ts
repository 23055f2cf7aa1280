import { notAvailable } from '@/lib/not-available';

/**
 * Whether a call to one of our extensions (CONTRACT §11) failed because the
 * platform does not have it: a 404, 405 or 501 from the path itself, rather
 * than an answer naming a missing thing ("Agent deployment not found").
 * Extension: marks the agent listings, get and stop as optional.
 */
export const isExtensionMissing = notAvailable;
