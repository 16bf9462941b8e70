import type { Permission } from '../../core/access/policy';

/**
 * Who may work the check-in desk and the bus boarding lists (administrators may always):
 * coordinators, organisers and volunteers. Checked through the event-day rule (decision 0014), so
 * `volunteer` counts only on the event whose roster gives them access, until it ends.
 */
export const checkinPermissions = {
  /** Search registrants, check them in or onto a bus, undo, register walk-ins, see counts. */
  workDesk: ['coordinator', 'organiser', 'volunteer'],
} as const satisfies Record<string, Permission>;
