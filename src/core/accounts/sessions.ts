/**
 * Database-backed sessions. The browser holds a random token; the database holds its SHA-256.
 *
 * @example
 * const { token } = await createSession(db, { userId, ip: '203.0.113.9', userAgent: 'Firefox' });
 * const found = await findSession(db, token); // { session, user }
 */
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { randomToken, sha256 } from '../../lib/crypto';
import { sessions, users, type Session, type User } from './schema';

export const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(
  db: Db,
  o: { userId: string; ip: string; userAgent: string | undefined },
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const [session] = await db
    .insert(sessions)
    .values({
      userId: o.userId,
      tokenHash: sha256(token),
      ip: o.ip,
      userAgent: o.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    .returning();
  return { token, session: session! };
}

/** The live session for a token, touching `last_seen_at` at most every five minutes. */
export async function findSession(
  db: Db,
  token: string,
): Promise<{ session: Session; user: User } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  if (!row) return undefined;
  if (Date.now() - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(eq(sessions.id, row.session.id));
  }
  return row;
}

export function listSessions(db: Db, userId: string): Promise<Session[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the user's sessions; returns whether it existed. */
export async function revokeSession(
  db: Db,
  o: { userId: string; sessionId: string },
): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, o.userId), eq(sessions.id, o.sessionId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of the user except `keepSessionId` (if given). */
export async function revokeOtherSessions(
  db: Db,
  o: { userId: string; keepSessionId?: string },
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      o.keepSessionId
        ? and(eq(sessions.userId, o.userId), ne(sessions.id, o.keepSessionId))
        : eq(sessions.userId, o.userId),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteSessionByToken(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}
