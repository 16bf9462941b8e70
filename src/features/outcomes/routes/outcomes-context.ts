/**
 * What an outcomes URL names: the edition (inside the initiative `access.initiative()` already
 * authorised), its base path and tracks, and who may manage it.
 *
 * @example
 * const { edition, base, tracks } = await outcomesContext(c);
 */
import type { Context } from 'hono';
import { provided } from '../../../core/module';
import type { Db } from '../../../db/client';
import { access } from '../../../http/access';
import type { AppEnv } from '../../../http/types';
import { managedEdition, manageBase } from '../../programme/index';
import { outcomePermissions } from '../permissions';

export const outcomeManagers = () => access.initiative(outcomePermissions.manageOutcomes);

/** The edition's tracks (its topics), from the module that chooses them, if any. */
export async function editionTracks(c: Context<AppEnv>, db: Db, editionId: string) {
  const tracks = provided(c.var.modules, 'editionTracks');
  return tracks ? tracks(db, editionId) : [];
}

export async function outcomesContext(c: Context<AppEnv>) {
  const edition = await managedEdition(c);
  const editionHref = manageBase(c, edition.slug);
  return {
    edition,
    editionHref,
    base: `${editionHref}/outcomes`,
    tracks: await editionTracks(c, c.var.deps.db, edition.id),
  };
}
