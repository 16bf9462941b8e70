import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outcomes, type OutcomeStatus } from './schema';

/**
 * Publishes an outcome (recording who and when) or takes it back to draft. Answers whether it
 * changed: publishing what is already published changes nothing.
 *
 * @example
 * if (await setOutcomeStatus(tx, { editionId, outcomeId, status: 'published', userId })) audit…
 */
export async function setOutcomeStatus(
  db: Db,
  o: { editionId: string; outcomeId: string; status: OutcomeStatus; userId: string | null },
): Promise<boolean> {
  const published = o.status === 'published';
  const rows = await db
    .update(outcomes)
    .set({
      status: o.status,
      publishedBy: published ? o.userId : null,
      publishedAt: published ? new Date() : null,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(outcomes.id, o.outcomeId),
        eq(outcomes.editionId, o.editionId),
        ne(outcomes.status, o.status),
      ),
    )
    .returning({ id: outcomes.id });
  return rows.length > 0;
}
