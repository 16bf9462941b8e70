/**
 * Personal agendas: find or create the visitor's agenda, star and unstar sessions, list them.
 *
 * @example
 * const agenda = await agendaFor(db, { userId: user.id }, { create: true });
 * await toggleStar(db, { agendaId: agenda.id, sessionId });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomToken, sha256 } from '../../lib/crypto';
import { agendaItems, agendas } from './schema';

export type Agenda = typeof agendas.$inferSelect;
export type AgendaOwner = { userId: string } | { cookieToken: string };

export async function agendaFor(
  db: Db,
  owner: AgendaOwner,
  o: { create: boolean },
): Promise<Agenda | undefined> {
  const where =
    'userId' in owner
      ? eq(agendas.userId, owner.userId)
      : eq(agendas.cookieHash, sha256(owner.cookieToken));
  const [found] = await db.select().from(agendas).where(where);
  if (found || !o.create) return found;
  const [created] = await db
    .insert(agendas)
    .values({
      userId: 'userId' in owner ? owner.userId : null,
      cookieHash: 'cookieToken' in owner ? sha256(owner.cookieToken) : null,
      calendarToken: randomToken(24),
    })
    .onConflictDoNothing()
    .returning();
  return created ?? (await agendaFor(db, owner, { create: false }));
}

/** Stars the session, or unstars it if it was starred; returns whether it is starred now. */
export async function toggleStar(
  db: Db,
  o: { agendaId: string; sessionId: string },
): Promise<boolean> {
  const removed = await db
    .delete(agendaItems)
    .where(and(eq(agendaItems.agendaId, o.agendaId), eq(agendaItems.sessionId, o.sessionId)))
    .returning();
  if (removed.length > 0) return false;
  await db.insert(agendaItems).values(o).onConflictDoNothing();
  return true;
}

export async function starredIds(db: Db, agendaId: string | undefined): Promise<Set<string>> {
  if (!agendaId) return new Set();
  const rows = await db
    .select({ id: agendaItems.sessionId })
    .from(agendaItems)
    .where(eq(agendaItems.agendaId, agendaId));
  return new Set(rows.map((r) => r.id));
}

export async function agendaByCalendarToken(db: Db, token: string): Promise<Agenda | undefined> {
  const [row] = await db.select().from(agendas).where(eq(agendas.calendarToken, token));
  return row;
}
