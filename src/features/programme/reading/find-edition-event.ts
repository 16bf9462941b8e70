/**
 * An event of an edition with its venue (null when it has none), only if the event belongs to
 * the edition (else undefined).
 *
 * @example
 * const row = await findEditionEvent(db, { editionId: edition.id, eventId });
 * row?.event.titleEs; row?.venue?.name;
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { events, venues } from '../schema';

export async function findEditionEvent(db: Db, o: { editionId: string; eventId: string }) {
  const [row] = await db
    .select({ event: events, venue: venues })
    .from(events)
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(events.id, o.eventId), eq(events.editionId, o.editionId)));
  return row;
}
