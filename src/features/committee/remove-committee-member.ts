/**
 * Takes an institution off the committee (its representatives with it), or one representative
 * off a member institution when `personId` is given. The network keeps the people.
 *
 * @example
 * await removeCommitteeMember(db, { initiativeId, memberId });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { committeeMembers, committeeRepresentatives } from './schema';

export async function removeCommitteeMember(
  db: Db,
  o: { initiativeId: string; memberId: string; personId?: string },
): Promise<boolean> {
  const [member] = await db
    .select({ id: committeeMembers.id })
    .from(committeeMembers)
    .where(
      and(eq(committeeMembers.id, o.memberId), eq(committeeMembers.initiativeId, o.initiativeId)),
    );
  if (!member) return false;
  if (o.personId) {
    const gone = await db
      .delete(committeeRepresentatives)
      .where(
        and(
          eq(committeeRepresentatives.memberId, member.id),
          eq(committeeRepresentatives.personId, o.personId),
        ),
      )
      .returning();
    return gone.length > 0;
  }
  await db.delete(committeeMembers).where(eq(committeeMembers.id, member.id));
  return true;
}
