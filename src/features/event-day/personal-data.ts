/**
 * The event day's part of a person's data: the rosters they are on (by network record, verified
 * address or account), with their shifts, and the room counts they recorded. Erasure anonymises
 * the roster rows — no name, address, institution, link to the network or to the account — and
 * ends their access; the rows and their shifts stay (without notes), for the counts.
 *
 * @example
 * const part = await eventDayPersonalData.collect(db, subject);
 * part.volunteering[0].shifts[0].task; // 'desk'
 * await eventDayPersonalData.erase(tx, subject);
 */
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DataSubject, PersonalDataPart } from '../../core/module';
import { events, programmeSessions } from '../programme/schema';
import { ownedBy } from '../registration/index';
import { shiftsOf } from './list-roster';
import { eventVolunteers, roomCounts, volunteerShifts } from './schema';

/** The roster rows that are the subject's. */
function myRosterRows(subject: DataSubject): SQL {
  const byRecord = ownedBy(eventVolunteers.personId, eventVolunteers.email, subject);
  const byAccount = eq(eventVolunteers.userId, subject.user.id);
  return byRecord ? or(byRecord, byAccount)! : byAccount;
}

export const eventDayPersonalData: PersonalDataPart = {
  label: 'eventDay.privacyPart',
  tables: ['event_volunteers', 'volunteer_shifts', 'room_counts'],
  collect: async (db, subject) => {
    const rows = await db
      .select({ volunteer: eventVolunteers, event: events.titleEs, eventStartsAt: events.startsAt })
      .from(eventVolunteers)
      .innerJoin(events, eq(events.id, eventVolunteers.eventId))
      .where(myRosterRows(subject))
      .orderBy(events.startsAt);
    const shifts = await shiftsOf(
      db,
      rows.map((r) => r.volunteer.id),
    );
    const counts = await db
      .select({
        session: programmeSessions.titleEs,
        moment: roomCounts.moment,
        headcount: roomCounts.headcount,
        recordedAt: roomCounts.recordedAt,
      })
      .from(roomCounts)
      .innerJoin(programmeSessions, eq(programmeSessions.id, roomCounts.sessionId))
      .where(eq(roomCounts.recordedBy, subject.user.id));
    return {
      volunteering: rows.map(({ volunteer: v, event, eventStartsAt }) => ({
        event,
        eventStartsAt,
        name: v.name,
        email: v.email,
        institution: v.institution,
        language: v.lang,
        accessUntil: v.accessUntil,
        addedAt: v.createdAt,
        shifts: shifts
          .filter((s) => s.volunteerId === v.id)
          .map((s) => ({
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            task: s.task,
            room: s.room,
            session: s.sessionTitleEs,
            bus: s.route,
            note: s.note,
          })),
      })),
      roomCountsRecorded: counts,
    };
  },
  erase: async (tx, subject) => {
    const mine = await tx
      .select({ id: eventVolunteers.id })
      .from(eventVolunteers)
      .where(myRosterRows(subject));
    const ids = mine.map((r) => r.id);
    if (!ids.length) return;
    await tx
      .update(eventVolunteers)
      .set({
        name: '',
        email: null,
        institution: null,
        personId: null,
        userId: null,
        accessUntil: sql`least(${eventVolunteers.accessUntil}, now())`,
      })
      .where(inArray(eventVolunteers.id, ids));
    await tx
      .update(volunteerShifts)
      .set({ note: null })
      .where(inArray(volunteerShifts.volunteerId, ids));
    // room_counts.recorded_by is set to null with the account (ON DELETE SET NULL).
  },
};
