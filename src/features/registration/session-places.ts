/**
 * Places per session where organisers set a limit: how many registrants marked the session
 * (counting registrations that hold or wait for a seat, like bus seats) and how many are left.
 *
 * @example
 * const places = await sessionPlaces(db, { eventId });
 * places.get(sessionId); // { places: 25, taken: 25, left: 0 } — the form shows it as full
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions } from '../programme/schema';
import { holdingOrWaiting, registrations, sessionInterests, sessionLimits } from './schema';

export type SessionPlaces = { places: number; taken: number; left: number };

export async function sessionPlaces(
  db: Db,
  o: { eventId: string; exceptRegistrationId?: string },
): Promise<Map<string, SessionPlaces>> {
  const rows = await db
    .select({
      sessionId: sessionLimits.sessionId,
      places: sessionLimits.places,
      taken: sql<number>`count(${registrations.id})::int`,
    })
    .from(sessionLimits)
    .innerJoin(programmeSessions, eq(programmeSessions.id, sessionLimits.sessionId))
    .leftJoin(sessionInterests, eq(sessionInterests.sessionId, sessionLimits.sessionId))
    .leftJoin(
      registrations,
      and(
        eq(registrations.id, sessionInterests.registrationId),
        inArray(registrations.status, holdingOrWaiting),
        o.exceptRegistrationId ? ne(registrations.id, o.exceptRegistrationId) : undefined,
      ),
    )
    .where(eq(programmeSessions.eventId, o.eventId))
    .groupBy(sessionLimits.sessionId, sessionLimits.places);
  return new Map(
    rows.map((r) => [
      r.sessionId,
      { places: r.places, taken: r.taken, left: Math.max(0, r.places - r.taken) },
    ]),
  );
}
