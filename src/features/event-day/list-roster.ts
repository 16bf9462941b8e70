/**
 * An event's volunteer roster with each volunteer's shifts (in time order) and what each shift
 * names: the room, the session, the bus. Search matches name, e-mail, institution and the
 * shifts' rooms, sessions and buses, without caring about accents or case.
 *
 * @example
 * const roster = await listRoster(db, { eventId, q: 'unis' });
 * roster[0].shifts[0].task; // 'desk'
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { searchKey } from '../../lib/search-key';
import { programmeSessions, rooms } from '../programme/schema';
import { transportRoutes } from '../registration/schema';
import {
  eventVolunteers,
  volunteerShifts,
  type EventVolunteer,
  type VolunteerShift,
} from './schema';

export type RosterShift = VolunteerShift & {
  room: string | null;
  sessionTitleEs: string | null;
  sessionTitleEn: string | null;
  route: string | null;
};
export type RosterEntry = EventVolunteer & { shifts: RosterShift[] };

export async function shiftsOf(db: Db, volunteerIds: string[]): Promise<RosterShift[]> {
  if (volunteerIds.length === 0) return [];
  return db
    .select({
      id: volunteerShifts.id,
      volunteerId: volunteerShifts.volunteerId,
      startsAt: volunteerShifts.startsAt,
      endsAt: volunteerShifts.endsAt,
      task: volunteerShifts.task,
      roomId: volunteerShifts.roomId,
      sessionId: volunteerShifts.sessionId,
      transportRouteId: volunteerShifts.transportRouteId,
      note: volunteerShifts.note,
      room: rooms.name,
      sessionTitleEs: programmeSessions.titleEs,
      sessionTitleEn: programmeSessions.titleEn,
      route: transportRoutes.name,
    })
    .from(volunteerShifts)
    .leftJoin(rooms, eq(rooms.id, volunteerShifts.roomId))
    .leftJoin(programmeSessions, eq(programmeSessions.id, volunteerShifts.sessionId))
    .leftJoin(transportRoutes, eq(transportRoutes.id, volunteerShifts.transportRouteId))
    .where(inArray(volunteerShifts.volunteerId, volunteerIds))
    .orderBy(asc(volunteerShifts.startsAt), asc(volunteerShifts.endsAt));
}

export async function listRoster(
  db: Db,
  o: { eventId: string; q?: string },
): Promise<RosterEntry[]> {
  const volunteers = await db
    .select()
    .from(eventVolunteers)
    .where(eq(eventVolunteers.eventId, o.eventId))
    .orderBy(asc(eventVolunteers.name), asc(eventVolunteers.id));
  const shifts = await shiftsOf(
    db,
    volunteers.map((v) => v.id),
  );
  const roster = volunteers.map((v) => ({
    ...v,
    shifts: shifts.filter((s) => s.volunteerId === v.id),
  }));
  const words = searchKey(o.q ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return roster;
  return roster.filter((v) => {
    const text = searchKey(
      v.name,
      v.email,
      v.institution,
      ...v.shifts.flatMap((s) => [s.room, s.sessionTitleEs, s.sessionTitleEn, s.route, s.note]),
    );
    return words.every((w) => text.includes(w));
  });
}
