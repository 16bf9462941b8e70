/**
 * Replaces the sessions a registrant plans to attend, refusing any session that is not the
 * event's (`unknown_session`) and a newly marked one whose places are all taken
 * (`session_full`; a session already marked is kept). Runs inside the caller's transaction,
 * which holds the event's registration lock, so two people never take the last place.
 *
 * @example
 * await setSessionInterests(tx, { registrationId, eventId, sessionIds });
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions } from '../programme/schema';
import { InputError } from '../../http/input-error';
import { sessionInterests } from './schema';
import { sessionPlaces } from './session-places';

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
    if (found.length !== ids.length)
      throw new InputError({ sessionIds: 'registration.error.unknown_session' });
  }
  const before = await tx
    .select({ sessionId: sessionInterests.sessionId })
    .from(sessionInterests)
    .where(eq(sessionInterests.registrationId, o.registrationId));
  const kept = new Set(before.map((b) => b.sessionId));
  const added = ids.filter((id) => !kept.has(id));
  if (added.length) {
    const places = await sessionPlaces(tx, {
      eventId: o.eventId,
      exceptRegistrationId: o.registrationId,
    });
    if (added.some((id) => places.get(id)?.left === 0))
      throw new InputError({ sessionIds: 'registration.error.session_full' });
  }
  await tx.delete(sessionInterests).where(eq(sessionInterests.registrationId, o.registrationId));
  if (ids.length)
    await tx
      .insert(sessionInterests)
      .values(ids.map((sessionId) => ({ registrationId: o.registrationId, sessionId })));
}
