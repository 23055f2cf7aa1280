import { ApiError } from '@/lib/api-error';

/**
 * Whether a call to one of our extensions (CONTRACT §11) failed because the
 * platform does not have it: a 404, 405 or 501 from the path itself, rather
 * than an answer naming a missing thing ("Agent deployment not found").
 * Extension: marks the agent listings, get and stop as optional.
 */
export function isExtensionMissing(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 405 || error.status === 501) return true;
  return error.status === 404 && /^not found\.?$/i.test(error.message.trim());
}
