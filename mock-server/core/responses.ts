/** The error statuses most operations share, as the OpenAPI document describes them. */
export const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
export const E403 = { description: "The caller's role may not do this" };
export const E404 = { description: 'Not found' };
export const E409 = { description: 'Conflict' };
export const E422 = { description: 'Validation error' };

/** What any signed-in read of a resource may answer besides its success. */
export const READ_ERRORS = { 401: E401, 404: E404 };
/** What any write to a resource may answer besides its success and its own 409s and 422s. */
export const WRITE_ERRORS = { 401: E401, 403: E403, 404: E404 };
