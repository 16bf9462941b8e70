/**
 * Adds a shift to a volunteer on an event's roster. The shift must end after it starts and fall
 * within the event's day (from 12 hours before its start to 12 hours after its end); a room must
 * be of the event's venue, a session and a bus of the same event; a room task names a room or a
 * session, a bus task names a bus.
 *
 * @example
 * await addShift(db, { event, volunteerId, input: { task: 'desk', startsAt, endsAt, roomId: null, sessionId: null, transportRouteId: null, note: null } });
 */
import { InputError } from '../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions, rooms, type ProgrammeEvent } from '../programme/schema';
import { transportRoutes } from '../registration/schema';
import type { ShiftInput } from './event-day-input';
import { eventVolunteers, volunteerShifts, type VolunteerShift } from './schema';

const MARGIN_MS = 12 * 60 * 60 * 1000;

export async function addShift(
  db: Db,
  o: { event: ProgrammeEvent; volunteerId: string; input: ShiftInput },
): Promise<VolunteerShift> {
  const { event, input } = o;
  const errors: ConstructorParameters<typeof InputError>[0] = {};
  if (input.endsAt <= input.startsAt) errors.endsAt = { key: 'eventDay.shift.endBeforeStart' };
  if (
    input.startsAt.getTime() < event.startsAt.getTime() - MARGIN_MS ||
    input.endsAt.getTime() > event.endsAt.getTime() + MARGIN_MS
  )
    errors.startsAt = { key: 'eventDay.shift.outsideEvent' };
  if (input.task === 'room' && !input.roomId && !input.sessionId)
    errors.sessionId = { key: 'eventDay.shift.roomNeeded' };
  if (input.task === 'bus' && !input.transportRouteId)
    errors.transportRouteId = { key: 'eventDay.shift.busNeeded' };
  const [volunteer] = await db
    .select({ id: eventVolunteers.id })
    .from(eventVolunteers)
    .where(and(eq(eventVolunteers.id, o.volunteerId), eq(eventVolunteers.eventId, event.id)));
  if (!volunteer) throw new InputError({ volunteer: { key: 'eventDay.volunteer.unknown' } });
  if (input.sessionId) {
    const [s] = await db
      .select({ id: programmeSessions.id, roomId: programmeSessions.roomId })
      .from(programmeSessions)
      .where(
        and(eq(programmeSessions.id, input.sessionId), eq(programmeSessions.eventId, event.id)),
      );
    if (!s) errors.sessionId = { key: 'form.invalid' };
    else input.roomId ??= s.roomId;
  }
  if (input.roomId) {
    const [r] = event.venueId
      ? await db
          .select({ id: rooms.id })
          .from(rooms)
          .where(and(eq(rooms.id, input.roomId), eq(rooms.venueId, event.venueId)))
      : [];
    if (!r) errors.roomId = { key: 'form.invalid' };
  }
  if (input.transportRouteId) {
    const [b] = await db
      .select({ id: transportRoutes.id })
      .from(transportRoutes)
      .where(
        and(eq(transportRoutes.id, input.transportRouteId), eq(transportRoutes.eventId, event.id)),
      );
    if (!b) errors.transportRouteId = { key: 'form.invalid' };
  }
  if (Object.keys(errors).length) throw new InputError(errors);
  const [row] = await db
    .insert(volunteerShifts)
    .values({ ...input, volunteerId: o.volunteerId })
    .returning();
  return row!;
}

/**
 * Removes one shift of a volunteer of the event; false when there is none.
 *
 * @example
 * await removeShift(db, { eventId, volunteerId, shiftId });
 */
export async function removeShift(
  db: Db,
  o: { eventId: string; volunteerId: string; shiftId: string },
): Promise<boolean> {
  const [v] = await db
    .select({ id: eventVolunteers.id })
    .from(eventVolunteers)
    .where(and(eq(eventVolunteers.id, o.volunteerId), eq(eventVolunteers.eventId, o.eventId)));
  if (!v) return false;
  const rows = await db
    .delete(volunteerShifts)
    .where(and(eq(volunteerShifts.id, o.shiftId), eq(volunteerShifts.volunteerId, o.volunteerId)))
    .returning({ id: volunteerShifts.id });
  return rows.length > 0;
}
