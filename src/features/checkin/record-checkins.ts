/**
 * Stores a desk's check-ins, each under the id the device gave it, one at a time and in the order
 * sent. A check-in sent again (a retry after the network dropped) is a `duplicate` and changes
 * nothing; a person already checked in at the same place by another check-in is stored as a
 * `conflict`, shown to the desks and never counted. Safe with several app processes: the
 * partial unique index on (registration, place) decides a race between two desks.
 *
 * @example
 * const results = await recordCheckins({ db, eventId, userId, items: [
 *   { id: crypto.randomUUID(), registrationId, place: 'desk', stop: null, deskName: 'Mesa 1', at: new Date() },
 * ] });
 * results[0].result; // 'recorded' | 'duplicate' | 'conflict' | 'rejected'
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registrations, transportRoutes } from '../registration/schema';
import { parsePlace } from './places';
import { checkins, type CheckinOutcome } from './schema';

export type CheckinItem = {
  id: string;
  registrationId: string;
  place: string;
  stop: string | null;
  deskName: string;
  at: Date;
};

export type CheckinResult = {
  id: string;
  result: 'recorded' | 'duplicate' | 'conflict' | 'rejected';
  /** For a duplicate: what the first copy became. */
  outcome?: CheckinOutcome;
  /** For a conflict: the check-in that counted. */
  conflictWith?: string;
};

export async function recordCheckins(o: {
  db: Db;
  eventId: string;
  userId: string | null;
  items: CheckinItem[];
  sample?: boolean;
}): Promise<CheckinResult[]> {
  const ids = [...new Set(o.items.map((i) => i.registrationId))];
  const known = new Set(
    ids.length === 0
      ? []
      : (
          await o.db
            .select({ id: registrations.id })
            .from(registrations)
            .where(and(eq(registrations.eventId, o.eventId), inArray(registrations.id, ids)))
        ).map((r) => r.id),
  );
  const routes = new Map(
    (
      await o.db
        .select({ id: transportRoutes.id, stops: transportRoutes.stops })
        .from(transportRoutes)
        .where(eq(transportRoutes.eventId, o.eventId))
    ).map((r) => [r.id, r.stops.map((s) => s.name)]),
  );
  const results: CheckinResult[] = [];
  for (const item of o.items) {
    const place = parsePlace(item.place);
    const stops = place?.kind === 'bus' ? routes.get(place.routeId) : undefined;
    const valid =
      place &&
      known.has(item.registrationId) &&
      (place.kind === 'desk'
        ? item.stop === null
        : stops !== undefined && (item.stop === null || stops.includes(item.stop)));
    if (!valid) {
      results.push({ id: item.id, result: 'rejected' });
      continue;
    }
    results.push(
      await recordOne(o.db, {
        ...item,
        place: item.place.toLowerCase(),
        eventId: o.eventId,
        userId: o.userId,
        transportRouteId: place.kind === 'bus' ? place.routeId : null,
        trip: place.kind === 'bus' ? place.trip : null,
        sample: o.sample ?? false,
      }),
    );
  }
  return results;
}

type Row = Omit<typeof checkins.$inferInsert, 'outcome'>;

async function recordOne(db: Db, row: Row & { id: string }): Promise<CheckinResult> {
  // Two tries are enough: a lost race is followed by a read that sees the winner.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [existing] = await db
      .select({ outcome: checkins.outcome })
      .from(checkins)
      .where(eq(checkins.id, row.id));
    if (existing) return { id: row.id, result: 'duplicate', outcome: existing.outcome };
    const [counted] = await db
      .select({ id: checkins.id })
      .from(checkins)
      .where(
        and(
          eq(checkins.registrationId, row.registrationId),
          eq(checkins.place, row.place),
          eq(checkins.outcome, 'recorded'),
          isNull(checkins.undoneAt),
        ),
      );
    const outcome: CheckinOutcome = counted ? 'conflict' : 'recorded';
    const inserted = await db
      .insert(checkins)
      // The clock, not now(): inside a caller's transaction now() is the same for every row, and
      // the order received breaks ties between check-ins made at the same moment.
      .values({
        ...row,
        outcome,
        conflictWith: counted?.id ?? null,
        receivedAt: sql`clock_timestamp()`,
      })
      .onConflictDoNothing()
      .returning({ id: checkins.id });
    if (inserted.length > 0)
      return counted
        ? { id: row.id, result: 'conflict', conflictWith: counted.id }
        : { id: row.id, result: 'recorded' };
  }
  throw new Error(`check-in ${row.id} could not be stored`);
}
