import type { Permission } from '../../core/access/policy';

/** Who may do what with registrations (administrators may always). */
export const registrationPermissions = {
  /** Open and close registration, see registrants, approve, export, write to them. */
  manageRegistrations: ['coordinator', 'organiser'],
} as const satisfies Record<string, Permission>;
