/** Times as the contract writes them: ISO 8601 UTC strings (now is the platform's clock: clock.ts). */
export const iso = (ms: number) => new Date(ms).toISOString();
