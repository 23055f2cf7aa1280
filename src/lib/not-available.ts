import { ApiError } from './api-error';
import { isExtensionUnavailable } from './capabilities';

/**
 * True when an answer says the platform has no such route: a 405 or a 501, or
 * a 404 whose body is the router's generic `{"detail": "Not Found"}` (or no
 * FastAPI body at all, as a proxy's 404). A 404 that names what is missing
 * (`{"detail": "Service not found"}`) is the route answering: the extension is
 * there, the resource is not.
 */
export function isMissingRoute(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 405 || error.status === 501) return true;
  if (error.status !== 404 || error.issues.length > 0) return false;
  return error.detail === null || /^not found\.?$/i.test(error.detail.trim());
}

/**
 * [extension] Whether a call to one of our extensions (CONTRACT §11) failed
 * because this platform does not have it: the route is missing
 * (`isMissingRoute`), or the console already learnt so (`ExtensionUnavailable`,
 * lib/extensions.ts). The panel that made the call then says "not available on
 * this platform" and the rest of the page goes on from documented calls.
 */
export const notAvailable = (error: unknown): boolean => isMissingRoute(error) || isExtensionUnavailable(error);
