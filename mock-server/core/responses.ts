/** The error statuses most operations share, as the OpenAPI document describes them. */
export const E401 = { description: 'Not authenticated, or the token is invalid or expired' };
export const E403 = { description: "The caller's role may not do this" };
export const E404 = { description: 'Not found' };
export const E409 = { description: 'Conflict' };
export const E422 = { description: 'Validation error' };
