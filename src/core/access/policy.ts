/**
 * The one place that decides who may do what. Platform administrators may do everything;
 * otherwise a permission names the initiative roles that grant it, and only memberships that
 * have not expired count. Features declare their permissions in their own `permissions.ts`.
 *
 * @example
 * const roles = await activeRoles(db, { userId: user.id, initiativeId });
 * allows(initiativePermissions.manageTeam, user, roles); // true for a coordinator
 */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { User } from '../accounts/schema';
import { memberships, type MemberRole } from '../initiatives/schema';

/** The roles that grant a permission. */
export type Permission = readonly MemberRole[];

export async function activeRoles(
  db: Db,
  o: { userId: string; initiativeId: string; now?: Date },
): Promise<MemberRole[]> {
  const now = o.now ?? new Date();
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, o.userId),
        eq(memberships.initiativeId, o.initiativeId),
        or(isNull(memberships.expiresAt), gt(memberships.expiresAt, now)),
      ),
    );
  return rows.map((r) => r.role);
}

export function allows(
  permission: Permission,
  user: User | null,
  roles: readonly MemberRole[],
): boolean {
  if (!user) return false;
  if (user.isAdmin) return true;
  return roles.some((r) => permission.includes(r));
}

/**
 * The initiatives where the user holds, today, a role that grants `permission`;
 * `'all'` for administrators.
 */
export async function initiativesWhere(
  db: Db,
  user: User,
  permission: Permission,
  now = new Date(),
): Promise<string[] | 'all'> {
  if (user.isAdmin) return 'all';
  const rows = await db
    .select({ initiativeId: memberships.initiativeId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, user.id),
        or(isNull(memberships.expiresAt), gt(memberships.expiresAt, now)),
      ),
    );
  return [...new Set(rows.filter((r) => permission.includes(r.role)).map((r) => r.initiativeId))];
}
