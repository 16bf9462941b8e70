import type { Permission } from '../access/policy';

/**
 * Who may work the check-in desk and the bus boarding lists (administrators may always):
 * coordinators, organisers and volunteers. A volunteer's membership may expire after the day.
 */
export const checkinPermissions = {
  /** Search registrants, check them in or onto a bus, undo, register walk-ins, see counts. */
  workDesk: ['coordinator', 'organiser', 'volunteer'],
} as const satisfies Record<string, Permission>;
