import { useParams } from '@tanstack/react-router';
import type { Scope } from '@/contract/paths';

/** The organization and workspace the current page works in, from the URL. */
export function useScope(): Scope {
  const { orgId, workspaceId } = useParams({ strict: false });
  if (!orgId || !workspaceId) throw new Error('useScope is used outside a workspace route');
  return { orgId, workspaceId };
}
