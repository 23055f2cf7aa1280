/** Times as the contract writes them: ISO 8601 UTC strings. */
export const iso = (ms: number) => new Date(ms).toISOString();
export const isoNow = () => new Date().toISOString();
