import * as z from 'zod/mini';

/** Build-time settings, checked once (a bad value fails loudly at start). */
const Env = z.object({
  /** Where the platform's API lives; same-origin by default (the dev server proxies it). */
  VITE_API_BASE_URL: z._default(z.string(), '/api/v1'),
});

export const env = Env.parse(import.meta.env);
export const apiBaseUrl = env.VITE_API_BASE_URL.replace(/\/+$/, '');
