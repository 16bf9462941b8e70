import type { Permission } from '../../core/access/policy';

/**
 * Who may do what on an event's day (administrators may always). The `volunteer` role in these
 * lists counts only through `eventDayAccess()`: a volunteer membership that has not expired AND a
 * place on this event's roster whose access has not ended (decision 0014). A volunteer of event A
 * is refused on event B, and everywhere once the event is over.
 */
export const eventDayPermissions = {
  /** The roster: add volunteers, their shifts and tasks, give access, e-mail shifts. */
  manageVolunteers: ['coordinator', 'organiser'],
  /** Record a session's head count (start, middle, end). */
  recordRoomCounts: ['coordinator', 'organiser', 'volunteer'],
  /** Attendance per session against capacity and registered interest. */
  viewAttendance: ['coordinator', 'organiser'],
  /** Printable badges (personal data of registrants). */
  printBadges: ['coordinator', 'organiser'],
  /** Check registrants in at the desk and onto buses (the check-in feature's pages). */
  checkIn: ['coordinator', 'organiser', 'volunteer'],
} as const satisfies Record<string, Permission>;

/** How long after the event's end a volunteer's access lasts (late counts, the last bus). */
export const VOLUNTEER_GRACE_MS = 6 * 60 * 60 * 1000;
