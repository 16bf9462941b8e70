/**
 * An event's routes in order, each with the bus seats held (see `route-seats.ts`) and left.
 *
 * @example
 * const routes = await listRoutes(db, eventId);
 * routes.filter((r) => r.left > 0); // what the public form offers
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { transportRoutes, type TransportRoute } from '../schema';
import { routeSeatsHeld } from './route-seats';

export type RouteWithSeats = TransportRoute & { held: number; left: number };

export async function listRoutes(db: Db, eventId: string): Promise<RouteWithSeats[]> {
  const [routes, held] = await Promise.all([
    db
      .select()
      .from(transportRoutes)
      .where(eq(transportRoutes.eventId, eventId))
      .orderBy(asc(transportRoutes.position), asc(transportRoutes.name)),
    routeSeatsHeld(db, eventId),
  ]);
  return routes.map((r) => {
    const n = held.get(r.id) ?? 0;
    return { ...r, held: n, left: Math.max(0, r.seats - n) };
  });
}
