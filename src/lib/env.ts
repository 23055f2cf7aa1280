import * as z from 'zod/mini';
import { AGENT_API_BASE } from '@/contract/paths';

/** Build-time settings, checked once (a bad value fails loudly at start). */
const Env = z.object({
  /** Where the platform's API lives; same-origin by default (the dev server proxies it). */
  VITE_API_BASE_URL: z._default(z.string(), '/api/v1'),
  /** Where the agent deployment API lives (seed 003's own base, `/v1`); same-origin by default too. */
  VITE_AGENT_API_BASE_URL: z._default(z.string(), AGENT_API_BASE),
});

export const env = Env.parse(import.meta.env);
export const apiBaseUrl = env.VITE_API_BASE_URL.replace(/\/+$/, '');
export const agentApiBaseUrl = env.VITE_AGENT_API_BASE_URL.replace(/\/+$/, '');
