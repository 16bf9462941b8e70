/**
 * Creates or updates an event of an edition, with a new venue when one is typed in.
 *
 * @example
 * const id = await saveEvent({ db, edition, input });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { events, venues, type Edition } from '../schema';
import type { EventInput } from './edition-input';

export async function saveEvent(o: {
  db: Db;
  edition: Pick<Edition, 'id' | 'initiativeId'>;
  eventId?: string;
  input: EventInput;
}): Promise<string | undefined> {
  const { input } = o;
  return o.db.transaction(async (tx) => {
    const [current] = o.eventId
      ? await tx
          .select()
          .from(events)
          .where(and(eq(events.id, o.eventId), eq(events.editionId, o.edition.id)))
      : [];
    if (o.eventId && !current) return undefined;
    let venueId = current?.venueId ?? null;
    if (input.venue) {
      const values = {
        name: input.venue.name,
        address: input.venue.address,
        mapUrl: input.venue.mapUrl,
        directions: input.venue.directions,
      };
      if (venueId) await tx.update(venues).set(values).where(eq(venues.id, venueId));
      else
        venueId = (
          await tx
            .insert(venues)
            .values({ ...values, initiativeId: o.edition.initiativeId })
            .returning({ id: venues.id })
        )[0]!.id;
    }
    const values = {
      kind: input.kind,
      titleEs: input.titleEs,
      titleEn: input.titleEn,
      descriptionEs: input.descriptionEs,
      descriptionEn: input.descriptionEn,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone,
      timesKnown: input.timesKnown,
      visibility: input.visibility,
      streamUrl: input.streamUrl,
      venueId,
    };
    if (current) {
      await tx.update(events).set(values).where(eq(events.id, current.id));
      return current.id;
    }
    const [row] = await tx
      .insert(events)
      .values({ ...values, editionId: o.edition.id })
      .returning({ id: events.id });
    return row!.id;
  });
}
