/**
 * Loads a topic of an edition under a row lock, so two committee members deciding on the same
 * topic at once take turns.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { topics } from './schema';

export async function lockTopic(tx: Db, o: { editionId: string; topicId: string }) {
  const [row] = await tx
    .select()
    .from(topics)
    .where(and(eq(topics.id, o.topicId), eq(topics.editionId, o.editionId)))
    .for('update');
  return row;
}

/** True for PostgreSQL's unique_violation, however the driver wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
