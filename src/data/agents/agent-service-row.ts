import type { AgentServiceRead } from '@/contract/agents';

/**
 * An instance as the console keeps it: without its `public_url`, which
 * carries a bearer credential (seed 003: "do not log or persist them"). Lists
 * and mutation results keep only whether there is one; the URL itself is
 * fetched when the user asks, and forgotten when the view closes.
 */
export type AgentServiceRow = Omit<AgentServiceRead, 'public_url'> & { has_public_url: boolean };

export function withoutPublicUrl({ public_url, ...instance }: AgentServiceRead): AgentServiceRow {
  return { ...instance, has_public_url: public_url !== null };
}
