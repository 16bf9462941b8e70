import type { Permission } from '../../core/access/policy';

/**
 * Who may see and change an initiative's committee (administrators may always); see decision
 * 0015. Finance and volunteers have no part in it. A task's owner may also change the status of,
 * and comment on, their own tasks from "my tasks", whatever their role.
 */
export const committeePermissions = {
  /** The committee page and rule check, meetings, minutes, the activity plan, tasks, calendar. */
  viewCommittee: ['coordinator', 'organiser', 'moderator'],
  /** Schedule meetings, record agenda, attendance, minutes and decisions, approve minutes, tasks. */
  editMeetings: ['coordinator', 'organiser'],
  /** Who sits on the committee: focal point, time zone, members, working groups. */
  manageCommittee: ['coordinator'],
} as const satisfies Record<string, Permission>;
