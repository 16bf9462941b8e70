/**
 * Loading what a programme-management URL names, always inside the initiative that
 * `access.initiative()` already authorised: an edition of another initiative is "not found".
 *
 * @example
 * const { edition, event } = await managedEvent(c);
 */
import { isUuid } from '../../../lib/uuid';
import type { Context } from 'hono';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { findEditionEvent } from '../reading/find-edition-event';
import { findInitiativeEdition } from '../reading/find-initiative-edition';

export async function managedEdition(c: Context<AppEnv>) {
  const edition = await findInitiativeEdition(c.var.deps.db, {
    initiativeId: c.var.initiative.id,
    slug: c.req.param('edition') ?? '',
  });
  if (!edition) throw new AppError('not_found');
  return edition;
}

export async function managedEvent(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  const id = c.req.param('event') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const row = await findEditionEvent(c.var.deps.db, { editionId: edition.id, eventId: id });
  if (!row) throw new AppError('not_found');
  return { edition, event: row.event, venue: row.venue };
}

/** Base path of an edition's management pages. */
export const manageBase = (c: Context<AppEnv>, editionSlug: string) =>
  `/i/${c.var.initiative.slug}/editions/${editionSlug}`;
