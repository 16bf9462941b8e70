import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outcomes } from './schema';

/**
 * Deletes an outcome of the edition; answers whether there was one.
 *
 * @example
 * await deleteOutcome(tx, { editionId, outcomeId });
 */
export async function deleteOutcome(
  db: Db,
  o: { editionId: string; outcomeId: string },
): Promise<boolean> {
  const rows = await db
    .delete(outcomes)
    .where(and(eq(outcomes.id, o.outcomeId), eq(outcomes.editionId, o.editionId)))
    .returning({ id: outcomes.id });
  return rows.length > 0;
}
