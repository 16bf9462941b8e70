/**
 * The signed-in person's places on volunteer rosters, newest event first, with their shifts and
 * whether their event-day access is open at `now`.
 *
 * @example
 * const places = await myVolunteering(db, { userId: user.id });
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { initiatives } from '../../core/initiatives/schema';
import { editions, events } from '../programme/schema';
import { shiftsOf } from './list-roster';
import { eventVolunteers } from './schema';

export async function myVolunteering(db: Db, o: { userId: string; now?: Date }) {
  const now = o.now ?? new Date();
  const rows = await db
    .select({
      volunteer: eventVolunteers,
      event: events,
      edition: { slug: editions.slug, name: editions.name },
      initiative: { slug: initiatives.slug },
    })
    .from(eventVolunteers)
    .innerJoin(events, eq(events.id, eventVolunteers.eventId))
    .innerJoin(editions, eq(editions.id, events.editionId))
    .innerJoin(initiatives, eq(initiatives.id, editions.initiativeId))
    .where(eq(eventVolunteers.userId, o.userId))
    .orderBy(desc(events.startsAt));
  const shifts = await shiftsOf(
    db,
    rows.map((r) => r.volunteer.id),
  );
  return rows.map((r) => ({
    ...r,
    accessOpen: r.volunteer.accessUntil !== null && r.volunteer.accessUntil > now,
    shifts: shifts.filter((s) => s.volunteerId === r.volunteer.id),
  }));
}
