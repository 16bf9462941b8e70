/**
 * Removes a session from an event's draft; it stays public until the next version is published.
 *
 * @example
 * const removed = await deleteSession({ db, eventId, sessionId }); // undefined if not there
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { programmeSessions } from '../schema';

export async function deleteSession(o: { db: Db; eventId: string; sessionId: string }) {
  const rows = await o.db
    .delete(programmeSessions)
    .where(and(eq(programmeSessions.id, o.sessionId), eq(programmeSessions.eventId, o.eventId)))
    .returning({ id: programmeSessions.id, titleEs: programmeSessions.titleEs });
  return rows[0];
}
