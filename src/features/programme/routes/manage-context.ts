/**
 * Loading what a programme-management URL names, always inside the initiative that
 * `access.initiative()` already authorised: an edition of another initiative is "not found".
 *
 * @example
 * const { edition, event } = await managedEvent(c);
 */
import { isUuid } from '../../../lib/uuid';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { editions, events, venues } from '../schema';

export async function managedEdition(c: Context<AppEnv>) {
  const [edition] = await c.var.deps.db
    .select()
    .from(editions)
    .where(
      and(
        eq(editions.slug, c.req.param('edition') ?? ''),
        eq(editions.initiativeId, c.var.initiative.id),
      ),
    );
  if (!edition) throw new AppError('not_found');
  return edition;
}

export async function managedEvent(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  const id = c.req.param('event') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await c.var.deps.db
    .select({ event: events, venue: venues })
    .from(events)
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(events.id, id), eq(events.editionId, edition.id)));
  if (!row) throw new AppError('not_found');
  return { edition, event: row.event, venue: row.venue };
}

/** Base path of an edition's management pages. */
export const manageBase = (c: Context<AppEnv>, editionSlug: string) =>
  `/i/${c.var.initiative.slug}/editions/${editionSlug}`;
