import type { Permission } from '../../core/access/policy';

/** Who may do what with editions, events and programmes (administrators may always). */
export const programmePermissions = {
  /** Create editions and events, edit rooms and sessions, see warnings, publish. */
  editProgramme: ['coordinator', 'organiser'],
} as const satisfies Record<string, Permission>;
