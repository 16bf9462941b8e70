/**
 * Replaces the sessions a registrant plans to attend, refusing any session that is not the
 * event's (`unknown_session`). Runs inside the caller's transaction.
 *
 * @example
 * await setSessionInterests(tx, { registrationId, eventId, sessionIds });
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions } from '../programme/schema';
import { RegistrationError } from './errors';
import { sessionInterests } from './schema';

export async function setSessionInterests(
  tx: Db,
  o: { registrationId: string; eventId: string; sessionIds: string[] },
): Promise<void> {
  const ids = [...new Set(o.sessionIds)];
  if (ids.length) {
    const found = await tx
      .select({ id: programmeSessions.id })
      .from(programmeSessions)
      .where(and(inArray(programmeSessions.id, ids), eq(programmeSessions.eventId, o.eventId)));
    if (found.length !== ids.length) throw new RegistrationError('unknown_session');
  }
  await tx.delete(sessionInterests).where(eq(sessionInterests.registrationId, o.registrationId));
  if (ids.length)
    await tx
      .insert(sessionInterests)
      .values(ids.map((sessionId) => ({ registrationId: o.registrationId, sessionId })));
}
