import type { Permission } from '../access/policy';

/** Who may do what within one initiative (administrators may always). */
export const initiativePermissions = {
  viewTeam: ['coordinator', 'organiser'],
  manageTeam: ['coordinator'],
} as const satisfies Record<string, Permission>;
