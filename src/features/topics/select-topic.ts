/**
 * Selects a shortlisted topic as one of the edition's tracks, under a name the programme's
 * sessions use as their topic (unique in the edition, whatever the letter case).
 *
 * @example
 * await selectTopic(db, { editionId, topicId, trackName: 'Neutralidad de la red' });
 */
import { InputError } from '../../http/input-error';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isUniqueViolation, lockTopic } from './lock-topic';
import { topics } from './schema';

export async function selectTopic(
  db: Db,
  o: { editionId: string; topicId: string; trackName: string },
) {
  try {
    return await db.transaction(async (tx) => {
      const topic = await lockTopic(tx, o);
      if (!topic) return undefined;
      if (topic.status !== 'shortlisted')
        throw new InputError({ trackName: 'topics.select.notShortlisted' });
      const [taken] = await tx
        .select({ id: topics.id })
        .from(topics)
        .where(
          and(
            eq(topics.editionId, o.editionId),
            ne(topics.id, topic.id),
            sql`lower(${topics.trackName}) = lower(${o.trackName})`,
          ),
        );
      if (taken) throw new InputError({ trackName: 'topics.select.trackTaken' });
      const [row] = await tx
        .update(topics)
        .set({ status: 'selected', trackName: o.trackName, decidedAt: new Date() })
        .where(eq(topics.id, topic.id))
        .returning();
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ trackName: 'topics.select.trackTaken' });
    throw error;
  }
}
