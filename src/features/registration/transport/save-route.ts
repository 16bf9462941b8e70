/**
 * Creates a route of an event, or changes one, under the event's registration lock and the
 * route's row lock so that seats are never set below those already held (`seats_below_held`).
 *
 * @example
 * const id = await saveRoute({ db, eventId, input: { name: 'Bus 1', stops: [{ name: 'USAC', time: '07:00' }], departsAt: null, returnsAt: null, seats: 50 } });
 * await saveRoute({ db, eventId, routeId: id, input: { ...input, seats: 45 } });
 */
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { transportRoutes } from '../schema';
import { lockSettings } from '../seats';
import { InputError } from '../../../http/input-error';
import type { RouteInput } from './route-input';
import { routeSeatsHeld } from './route-seats';

export async function saveRoute(o: {
  db: Db;
  eventId: string;
  /** Absent: a new route, placed after the others. */
  routeId?: string;
  input: RouteInput;
}): Promise<string> {
  return o.db.transaction(async (tx) => {
    await lockSettings(tx, o.eventId);
    if (!o.routeId) {
      const [last] = await tx
        .select({ n: count() })
        .from(transportRoutes)
        .where(eq(transportRoutes.eventId, o.eventId));
      const [row] = await tx
        .insert(transportRoutes)
        .values({ ...o.input, eventId: o.eventId, position: last?.n ?? 0 })
        .returning({ id: transportRoutes.id });
      return row!.id;
    }
    const [route] = await tx
      .select({ id: transportRoutes.id })
      .from(transportRoutes)
      .where(and(eq(transportRoutes.id, o.routeId), eq(transportRoutes.eventId, o.eventId)))
      .for('update');
    if (!route) throw new InputError({ _form: 'transport.error.unknown_route' });
    const held = (await routeSeatsHeld(tx, o.eventId)).get(route.id) ?? 0;
    if (o.input.seats < held)
      throw new InputError({
        seats: { key: 'transport.error.seats_below_held', params: { held } },
      });
    await tx.update(transportRoutes).set(o.input).where(eq(transportRoutes.id, route.id));
    return route.id;
  });
}
