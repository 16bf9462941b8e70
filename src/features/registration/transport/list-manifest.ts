/**
 * Who rides a route: registrations on it that hold an event seat (confirmed, or offered and not
 * yet claimed), by name. Requests and the waiting list keep their bus seat but are not on the
 * manifest until they get an event seat.
 *
 * @example
 * const riders = await listManifest(db, { eventId, routeId });
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { registrations, seatHolding } from '../schema';

export function listManifest(db: Db, o: { eventId: string; routeId: string }) {
  return db
    .select({
      id: registrations.id,
      name: registrations.name,
      institution: registrations.institution,
      status: registrations.status,
      ticketCode: registrations.ticketCode,
      sample: registrations.sample,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, o.eventId),
        eq(registrations.transportRouteId, o.routeId),
        inArray(registrations.status, seatHolding),
      ),
    )
    .orderBy(asc(registrations.name), asc(registrations.createdAt));
}
