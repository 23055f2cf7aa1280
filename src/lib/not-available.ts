import { ApiError } from './api-error';

/**
 * [extension] Whether a call to one of our extensions (CONTRACT §11) failed
 * because this platform does not have it: a 404, 405 or 501. The panel that
 * made the call then says "not available on this platform" and the rest of
 * the page goes on from documented calls.
 */
export const notAvailable = (error: unknown): boolean => error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501);
