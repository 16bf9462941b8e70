import type { Permission } from '../../core/access/policy';

/**
 * Who writes and publishes an edition's outcomes (administrators may always): the committee that
 * builds the programme, its coordinators and organisers. Anyone may read what is published.
 */
export const outcomePermissions = {
  /** Enter, edit, publish, withdraw and delete conclusions, recommendations and commitments. */
  manageOutcomes: ['coordinator', 'organiser'],
} as const satisfies Record<string, Permission>;
