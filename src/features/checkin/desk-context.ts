/**
 * What a desk URL names, inside the initiative the access rule already checked: the event, the
 * desk's base path, the desk's name on this device (`?desk=`), and for a bus its route and trip.
 *
 * @example
 * const { event, desk, deskName } = await deskContext(c);
 */
import { isUuid } from '../../lib/uuid';
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../http/errors';
import type { AppEnv } from '../../http/types';
import { managedEvent, manageBase } from '../programme/index';
import { listRoutes } from '../registration/index';
import { trips, type Trip } from './schema';

export const deskNameField = z
  .string()
  .trim()
  .max(60, 'form.tooLong|max=60')
  .optional()
  .transform((v) => v || undefined);

export async function deskContext(c: Context<AppEnv>) {
  const found = await managedEvent(c);
  const base = `${manageBase(c, found.edition.slug)}/events/${found.event.id}`;
  const fromQuery = deskNameField.safeParse(c.req.query('desk'));
  const deskName =
    (fromQuery.success ? fromQuery.data : undefined) ?? c.var.user?.name.slice(0, 60) ?? 'Convoca';
  return { ...found, base, desk: `${base}/desk`, deskName };
}

/** The bus named by `:route`, its trip (`?trip=`, outbound by default) and stop (`?stop=`). */
export async function busContext(c: Context<AppEnv>, eventId: string) {
  const id = c.req.param('route') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const route = (await listRoutes(c.var.deps.db, eventId)).find((r) => r.id === id.toLowerCase());
  if (!route) throw new AppError('not_found');
  const trip: Trip = z.enum(trips).catch('outbound').parse(c.req.query('trip'));
  const askedStop = c.req.query('stop');
  const stop = route.stops.some((s) => s.name === askedStop) ? askedStop! : null;
  return { route, trip, stop };
}
