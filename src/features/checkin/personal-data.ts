/**
 * The check-in feature's part of a person's data: when and where they were checked in (the
 * event's desk, a bus and its stop), found through their registrations, and how many check-ins
 * they recorded as a volunteer. Erasure keeps the check-ins, which count attendance: they point
 * at the registration the registration feature anonymises, and the volunteer's account link is
 * set to null with the account (ON DELETE SET NULL).
 *
 * @example
 * const part = await checkinPersonalData.collect(db, subject);
 * part.checkins[0].place; // 'desk'
 */
import { count, eq } from 'drizzle-orm';
import type { PersonalDataPart } from '../../core/module';
import { events } from '../programme/schema';
import { ownedBy } from '../registration/index';
import { registrations } from '../registration/schema';
import { checkins } from './schema';

export const checkinPersonalData: PersonalDataPart = {
  label: 'checkin.privacyPart',
  tables: ['checkins'],
  collect: async (db, subject) => {
    const mine = ownedBy(registrations.personId, registrations.email, subject);
    const [rows, [recorded]] = await Promise.all([
      mine
        ? db
            .select({
              event: events.titleEs,
              place: checkins.place,
              trip: checkins.trip,
              stop: checkins.stop,
              desk: checkins.deskName,
              outcome: checkins.outcome,
              at: checkins.at,
              undoneAt: checkins.undoneAt,
            })
            .from(checkins)
            .innerJoin(registrations, eq(registrations.id, checkins.registrationId))
            .innerJoin(events, eq(events.id, checkins.eventId))
            .where(mine)
            .orderBy(checkins.at)
        : Promise.resolve([]),
      db.select({ n: count() }).from(checkins).where(eq(checkins.userId, subject.user.id)),
    ]);
    return { checkins: rows, checkinsRecordedAsVolunteer: recorded?.n ?? 0 };
  },
  erase: async () => {},
};
