import type { Permission } from '../../core/access/policy';

/**
 * Who may do what with the network (administrators may always). Personal data of a person is
 * seen only by organisers of an initiative the person takes part in, or by the person.
 */
export const networkPermissions = {
  /** Browse and edit institutions (not personal data). */
  useDirectory: ['coordinator', 'organiser'],
  /** See and edit the people taking part in an initiative. */
  viewPeople: ['coordinator', 'organiser'],
  managePeople: ['coordinator', 'organiser'],
} as const satisfies Record<string, Permission>;
