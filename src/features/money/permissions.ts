import type { Permission } from '../../core/access/policy';

/**
 * Who may see and record an edition's money (administrators may always). Organisers, moderators
 * and volunteers do not see it: a coordinator gives someone the `finance` role for that.
 */
export const moneyPermissions = {
  /** Balances, contributions, expenses, receipts, statements, exports. */
  viewMoney: ['coordinator', 'finance'],
  /** Record budget lines, pledges, receipts, corrections, cancellations and expenses. */
  editMoney: ['coordinator', 'finance'],
} as const satisfies Record<string, Permission>;
