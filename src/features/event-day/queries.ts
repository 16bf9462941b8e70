/**
 * Reading what the event-day pages need: a volunteer or a session of an event, and the event's
 * sessions, rooms and buses the shift form offers.
 *
 * @example
 * const volunteer = await findEventVolunteer(db, { eventId, volunteerId });
 * const { sessions, rooms, buses } = await listShiftChoices(db, { eventId, venueId });
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions, rooms } from '../programme/schema';
import { transportRoutes } from '../registration/schema';
import { eventVolunteers } from './schema';

/**
 * The volunteer with this id on this event, or undefined.
 *
 * @example
 * const v = await findEventVolunteer(db, { eventId: event.id, volunteerId: id });
 */
export async function findEventVolunteer(db: Db, o: { eventId: string; volunteerId: string }) {
  const [v] = await db
    .select()
    .from(eventVolunteers)
    .where(and(eq(eventVolunteers.id, o.volunteerId), eq(eventVolunteers.eventId, o.eventId)));
  return v;
}

/**
 * The programme session with this id on this event, or undefined.
 *
 * @example
 * const s = await findEventSession(db, { eventId: event.id, sessionId: id });
 */
export async function findEventSession(db: Db, o: { eventId: string; sessionId: string }) {
  const [s] = await db
    .select()
    .from(programmeSessions)
    .where(and(eq(programmeSessions.id, o.sessionId), eq(programmeSessions.eventId, o.eventId)));
  return s;
}

/**
 * What a shift can be tied to: the event's sessions (in time order), the rooms of its venue (none
 * without a venue) and its bus routes.
 *
 * @example
 * const { sessions, rooms, buses } = await listShiftChoices(db, { eventId, venueId: null });
 */
export async function listShiftChoices(db: Db, o: { eventId: string; venueId: string | null }) {
  const [sessions, roomList, buses] = await Promise.all([
    db
      .select({
        id: programmeSessions.id,
        titleEs: programmeSessions.titleEs,
        titleEn: programmeSessions.titleEn,
        startsAt: programmeSessions.startsAt,
      })
      .from(programmeSessions)
      .where(eq(programmeSessions.eventId, o.eventId))
      .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.position)),
    o.venueId
      ? db
          .select({ id: rooms.id, name: rooms.name })
          .from(rooms)
          .where(eq(rooms.venueId, o.venueId))
          .orderBy(asc(rooms.name))
      : Promise.resolve([]),
    db
      .select({ id: transportRoutes.id, name: transportRoutes.name })
      .from(transportRoutes)
      .where(eq(transportRoutes.eventId, o.eventId))
      .orderBy(asc(transportRoutes.position), asc(transportRoutes.name)),
  ]);
  return { sessions, rooms: roomList, buses };
}
