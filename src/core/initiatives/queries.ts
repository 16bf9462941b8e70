import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../accounts/schema';
import { initiatives, memberships, type Initiative, type MemberRole } from './schema';

export async function findInitiativeBySlug(db: Db, slug: string): Promise<Initiative | undefined> {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.slug, slug));
  return row;
}

export function listInitiatives(db: Db): Promise<Initiative[]> {
  return db.select().from(initiatives).orderBy(asc(initiatives.name));
}

export async function createInitiative(
  db: Db,
  o: { slug: string; name: string },
): Promise<Initiative | undefined> {
  const [row] = await db.insert(initiatives).values(o).onConflictDoNothing().returning();
  return row;
}

export function listMembers(db: Db, initiativeId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      expiresAt: memberships.expiresAt,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.initiativeId, initiativeId))
    .orderBy(asc(users.name), asc(memberships.role));
}

export async function addMember(
  db: Db,
  o: { initiativeId: string; userId: string; role: MemberRole; expiresAt: Date | null },
): Promise<void> {
  await db
    .insert(memberships)
    .values(o)
    .onConflictDoUpdate({
      target: [memberships.initiativeId, memberships.userId, memberships.role],
      set: { expiresAt: o.expiresAt },
    });
}

export async function removeMember(db: Db, o: { initiativeId: string; membershipId: string }) {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.id, o.membershipId), eq(memberships.initiativeId, o.initiativeId)))
    .returning({ userId: memberships.userId, role: memberships.role });
  return rows[0];
}

export function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .select({
      slug: initiatives.slug,
      name: initiatives.name,
      role: memberships.role,
      expiresAt: memberships.expiresAt,
    })
    .from(memberships)
    .innerJoin(initiatives, eq(initiatives.id, memberships.initiativeId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(initiatives.name));
}
