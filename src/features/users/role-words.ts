import type { Role } from '@/contract/auth';
import type { Tone } from '@/ui/badge';

/** What each role may do (CONTRACT §8), said where a role is chosen. */
export const ROLE_ABILITIES: Record<Role, string> = {
  admin:
    'Admins may do everything: invite people and change their roles, manage rings, organization credentials and API keys, as well as services, deploys and tokens.',
  developer:
    'Developers may create and change services, versions and endpoints, publish, deploy and mint service tokens. They cannot manage users, rings, organization credentials or API keys.',
  viewer: 'Viewers may read everything and call GET endpoints through the gateway. They change nothing.',
};

export const ROLES: readonly Role[] = ['admin', 'developer', 'viewer'];

export const ROLE_TONES: Record<Role, Tone> = { admin: 'info', developer: 'success', viewer: 'neutral' };

/** "an admin", "a developer", "a viewer". */
export const withArticle = (role: string) => `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
