/**
 * An edition by its slug, only if it belongs to the initiative (else undefined).
 *
 * @example
 * const edition = await findInitiativeEdition(db, { initiativeId, slug: 'igf-guatemala-2018' });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { editions, type Edition } from '../schema';

export async function findInitiativeEdition(
  db: Db,
  o: { initiativeId: string; slug: string },
): Promise<Edition | undefined> {
  const [edition] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.slug, o.slug), eq(editions.initiativeId, o.initiativeId)));
  return edition;
}
