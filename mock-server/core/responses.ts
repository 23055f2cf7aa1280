/**
 * Error statuses as the OpenAPI document describes them, for an operation to
 * list where core does not imply them: every operation's 401, 403, 404, 413,
 * 415, 422 and 500 come from what it is (operations.ts `responsesOf`).
 */
export const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
export const E403 = { description: "The caller's role may not do this" };
export const E404 = { description: 'Not found' };
export const E409 = { description: 'Conflict' };

/** What any signed-in read of a resource may answer besides its success. */
export const READ_ERRORS = { 401: E401, 404: E404 };
