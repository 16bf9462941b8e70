/**
 * Deletes a route of an event, under the event's registration lock, only while nobody has chosen
 * it (`route_in_use`): a registrant's bus seat is never dropped without them knowing.
 *
 * @example
 * await deleteRoute({ db, eventId, routeId }); // an InputError (`transport.error.route_in_use`) if chosen
 */
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { registrations, transportRoutes } from '../schema';
import { lockSettings } from '../seats';
import { InputError } from '../../../http/input-error';

export async function deleteRoute(o: { db: Db; eventId: string; routeId: string }): Promise<void> {
  await o.db.transaction(async (tx) => {
    await lockSettings(tx, o.eventId);
    const [chosen] = await tx
      .select({ n: count() })
      .from(registrations)
      .where(
        and(eq(registrations.eventId, o.eventId), eq(registrations.transportRouteId, o.routeId)),
      );
    if ((chosen?.n ?? 0) > 0)
      throw new InputError({
        _form: { key: 'transport.error.route_in_use', params: { held: chosen!.n } },
      });
    const gone = await tx
      .delete(transportRoutes)
      .where(and(eq(transportRoutes.id, o.routeId), eq(transportRoutes.eventId, o.eventId)))
      .returning({ id: transportRoutes.id });
    if (gone.length === 0) throw new InputError({ _form: 'transport.error.unknown_route' });
  });
}
