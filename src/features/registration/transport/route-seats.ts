/**
 * Bus seat bookkeeping, the transport twin of `../seats.ts`.
 *
 * The rule (docs/decisions/0011-transport-seats.md): a registration holds a seat on its chosen
 * route while it holds **or waits for** an event seat — statuses confirmed, offered, pending and
 * waiting. The bus seat is taken when the route is chosen (registering, or changing the route
 * through the private link), counted under the event's `lockSettings` lock and the route's own
 * row lock, and refused with an `InputError` on `transportRouteId` when none is left. Every later move
 * towards a seat (offer, claim, approval) keeps it, so no such step can find the bus full and
 * nobody confirmed is ever left without the bus they chose. Cancelling, a declined request and an
 * offer that ran out free it, simply because those statuses no longer count.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await lockSettings(tx, eventId);
 *   await takeRouteSeat(tx, { eventId, routeId, registrationId });
 * });
 */
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { holdingOrWaiting, registrations, transportRoutes } from '../schema';
import { InputError } from '../../../http/input-error';

/** Bus seats held on each route of an event (routes with none are absent). */
export async function routeSeatsHeld(tx: Db, eventId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ routeId: registrations.transportRouteId, n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, holdingOrWaiting)))
    .groupBy(registrations.transportRouteId);
  return new Map(rows.filter((r) => r.routeId).map((r) => [r.routeId!, r.n]));
}

/**
 * Makes sure a seat on `routeId` is free for this registration (the one it may already hold
 * does not count against it). Call inside the step's transaction, after `lockSettings`; it also
 * locks the route's row, so a step that runs without settings (registration closed) still
 * counts one at a time.
 */
export async function takeRouteSeat(
  tx: Db,
  o: { eventId: string; routeId: string; registrationId?: string },
): Promise<void> {
  const [route] = await tx
    .select({ seats: transportRoutes.seats })
    .from(transportRoutes)
    .where(and(eq(transportRoutes.id, o.routeId), eq(transportRoutes.eventId, o.eventId)))
    .for('update');
  if (!route) throw new InputError({ transportRouteId: 'transport.error.unknown_route' });
  const [held] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.transportRouteId, o.routeId),
        inArray(registrations.status, holdingOrWaiting),
        ...(o.registrationId ? [ne(registrations.id, o.registrationId)] : []),
      ),
    );
  if ((held?.n ?? 0) >= route.seats)
    throw new InputError({ transportRouteId: 'transport.error.route_full' });
}
