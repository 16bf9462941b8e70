/**
 * An initiative's editions: `oldest` first by year (the organisers' list), or `newest` first by
 * year then name (the API).
 *
 * @example
 * const rows = await listInitiativeEditions(db, { initiativeId, order: 'oldest' });
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { editions, type Edition } from '../schema';

export function listInitiativeEditions(
  db: Db,
  o: { initiativeId: string; order: 'oldest' | 'newest' },
): Promise<Edition[]> {
  const query = db.select().from(editions).where(eq(editions.initiativeId, o.initiativeId));
  return o.order === 'oldest'
    ? query.orderBy(asc(editions.year))
    : query.orderBy(desc(editions.year), asc(editions.name));
}
