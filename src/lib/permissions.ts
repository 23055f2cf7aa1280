import type { Role } from '@/contract/auth';

/** What each role may do (CONTRACT §8). The server enforces it too; this only decides what to offer. */
const grants = {
  'service:write': ['admin', 'developer'],
  'ring:write': ['admin'],
  'org-credentials:write': ['admin'],
  'agent-service:write': ['admin', 'developer'],
  'organization:write': ['admin'],
  'api-keys:manage': ['admin'],
  'users:manage': ['admin'],
  /** Run connector operations and preview DDL (CONTRACT §14). */
  'connector:execute': ['admin', 'developer'],
  /** Run DDL on a connector instance once previewed. */
  'connector:ddl': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

export function roleReason(role: Role, permission: Permission): string | null {
  if (can(role, permission)) return null;
  return `Your role (${role}) cannot do this. Ask an admin${(grants[permission] as readonly Role[]).includes('developer') ? ' or a developer' : ''}.`;
}
